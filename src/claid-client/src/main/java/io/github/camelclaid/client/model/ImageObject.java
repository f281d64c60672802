package io.github.camelclaid.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An input or output image (or video) as Claid describes it. One class serves all of Claid's image-object schemas
 * (pipeline, batch, AI edit, fashion models, video): they share these fields and differ only in which are present.
 *
 * @param tmpUrl          where Claid keeps the result for a day when no output destination was given
 * @param objectUri       where the result was written when the output was a connected storage
 * @param claidStorageUri the same place as a {@code storage://} URI
 * @param generatedPrompt the prompt Claid generated for the input, when asked to (video)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageObject(
        @JsonProperty("ext") String ext,
        @JsonProperty("mps") Double mps,
        @JsonProperty("mime") String mime,
        @JsonProperty("format") String format,
        @JsonProperty("width") Integer width,
        @JsonProperty("height") Integer height,
        @JsonProperty("tmp_url") String tmpUrl,
        @JsonProperty("object_key") String objectKey,
        @JsonProperty("object_bucket") String objectBucket,
        @JsonProperty("object_uri") String objectUri,
        @JsonProperty("claid_storage_uri") String claidStorageUri,
        @JsonProperty("generated_prompt") String generatedPrompt) {

    /**
     * The one URL that locates this output: the temporary URL when Claid kept the result, otherwise where it was
     * written in a connected storage; null for input objects.
     */
    public String location() {
        if (tmpUrl != null && !tmpUrl.isEmpty()) {
            return tmpUrl;
        }
        if (claidStorageUri != null && !claidStorageUri.isEmpty()) {
            return claidStorageUri;
        }
        return objectUri;
    }
}
