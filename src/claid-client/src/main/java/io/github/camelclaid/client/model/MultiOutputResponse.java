package io.github.camelclaid.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to text-to-image generation and to scene creation (AI background): several outputs at once. For
 * generation {@code input} holds {@code {"text": prompt}}, for scenes it describes the object image.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MultiOutputResponse(
        @JsonProperty("input") JsonNode input,
        @JsonProperty("output") List<ImageObject> output,
        @JsonProperty("profiling") JsonNode profiling) implements HasOutputs {

    @Override
    public List<ImageObject> outputs() {
        return output == null ? List.of() : output;
    }
}
