package io.github.camelclaid.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** The answer to a synchronous image edit (URL input or upload). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EditResponse(
        @JsonProperty("input") ImageObject input,
        @JsonProperty("output") ImageObject output,
        @JsonProperty("profiling") JsonNode profiling) implements HasOutputs {

    @Override
    public List<ImageObject> outputs() {
        return output == null ? List.of() : List.of(output);
    }
}
