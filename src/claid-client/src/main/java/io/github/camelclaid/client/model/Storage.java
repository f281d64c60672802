package io.github.camelclaid.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A storage connector: a bucket (S3, GCS) or web folder Claid may read from and write to, named in
 * {@code storage://name/path} URIs. Claid never returns the secret key; {@code parameters} holds bucket, path and,
 * in detailed answers, the access key id.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Storage(
        @JsonProperty("id") long id,
        @JsonProperty("name") String name,
        @JsonProperty("type") String type,
        @JsonProperty("parameters") JsonNode parameters,
        @JsonProperty("created_at") String createdAt) {
}
