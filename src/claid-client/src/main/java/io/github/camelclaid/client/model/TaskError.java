package io.github.camelclaid.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** One failure Claid reports inside a task (batch errors also name the input that failed). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskError(
        @JsonProperty("error") String error,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("input_object") JsonNode inputObject) {

    @Override
    public String toString() {
        return error;
    }
}
