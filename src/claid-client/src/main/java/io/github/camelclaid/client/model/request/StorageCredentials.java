package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Access key pair of an S3 or GCS bucket; {@link #toString()} never shows the secret.
 * Claid schemas: {@code AWSCredentials}, {@code GCPCredentials} and their {@code ...Update} forms.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class StorageCredentials {

    private final String accessKey;
    private final String secretAccessKey;

    private StorageCredentials(String accessKey, String secretAccessKey) {
        this.accessKey = accessKey;
        this.secretAccessKey = secretAccessKey;
    }

    /** Both keys are required to create a storage; to update, either may be null to keep the current value. */
    public static StorageCredentials of(String accessKey, String secretAccessKey) {
        return new StorageCredentials(accessKey, secretAccessKey);
    }

    @JsonProperty("access_key")
    public String getAccessKey() {
        return accessKey;
    }

    @JsonProperty("secret_access_key")
    public String getSecretAccessKey() {
        return secretAccessKey;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof StorageCredentials that && Objects.equals(accessKey, that.accessKey)
                && Objects.equals(secretAccessKey, that.secretAccessKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKey, secretAccessKey);
    }

    @Override
    public String toString() {
        return "StorageCredentials{accessKey=" + accessKey + ", secretAccessKey="
                + (secretAccessKey == null ? null : "****") + "}";
    }
}
