package io.github.camelclaid.client.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The state of an async task, as a status GET (or a webhook) reports it. One class serves the five task kinds: their
 * answers share id/status/errors and differ in how the result holds outputs ({@code result.output_object} for async
 * edit and video, {@code result.output_objects[]} for AI edit and fashion models, {@code results[].output_object}
 * for batch), which {@link #outputs()} reads in Claid's order.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskResult(
        @JsonProperty("id") long id,
        @JsonProperty("status") TaskStatus status,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("result_url") String resultUrl,
        @JsonProperty("request") JsonNode request,
        @JsonProperty("errors") List<TaskError> errors,
        @JsonProperty("result") JsonNode result,
        @JsonProperty("results") JsonNode results) implements HasOutputs {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    public List<TaskError> errors() {
        return errors == null ? List.of() : errors;
    }

    @Override
    public List<ImageObject> outputs() {
        List<ImageObject> out = new ArrayList<>();
        if (result != null && result.isObject()) {
            collect(result, out);
        }
        if (results != null && results.isArray()) {
            for (JsonNode item : results) {
                collect(item, out);
            }
        }
        return out;
    }

    private static void collect(JsonNode holder, List<ImageObject> out) {
        JsonNode single = holder.get("output_object");
        if (single != null && single.isObject()) {
            out.add(MAPPER.convertValue(single, ImageObject.class));
        }
        JsonNode many = holder.get("output_objects");
        if (many != null && many.isArray()) {
            for (JsonNode o : many) {
                out.add(MAPPER.convertValue(o, ImageObject.class));
            }
        }
    }
}
