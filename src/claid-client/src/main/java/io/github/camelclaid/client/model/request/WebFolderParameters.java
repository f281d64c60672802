package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A web folder: images are read relative to a base URL. Claid schema: {@code WebFolderParameters_Pydantic}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class WebFolderParameters {

    private final String baseUrl;

    private WebFolderParameters(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The URL that {@code storage://name/} stands for, such as {@code https://cdn.example.com/images/}. */
    public static WebFolderParameters of(String baseUrl) {
        return new WebFolderParameters(baseUrl);
    }

    @JsonProperty("base_url")
    public String getBaseUrl() {
        return baseUrl;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof WebFolderParameters that && Objects.equals(baseUrl, that.baseUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(baseUrl);
    }

    @Override
    public String toString() {
        return "WebFolderParameters{baseUrl=" + baseUrl + "}";
    }
}
