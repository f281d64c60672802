package io.github.camelclaid.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Claid's answer to an async submission: the task id and where to ask for its result. All five async operations
 * answer in this shape.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskAccepted(
        @JsonProperty("id") long id,
        @JsonProperty("status") TaskStatus status,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("request") JsonNode request,
        @JsonProperty("result_url") String resultUrl) {
}
