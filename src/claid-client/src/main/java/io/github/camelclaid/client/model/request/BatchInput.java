package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Batch input in its object form: a source folder and whether to descend into subfolders.
 * Claid schema: {@code BatchEditInputOptions}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class BatchInput {

    private final String source;
    private final Boolean recursive;

    private BatchInput(String source, Boolean recursive) {
        this.source = source;
        this.recursive = recursive;
    }

    /**
     * A folder such as {@code storage://name/in/} (a single file works too, recursion then has no effect).
     *
     * @param recursive whether images in subfolders are processed as well; Claid defaults to false
     */
    public static BatchInput folder(String source, boolean recursive) {
        return new BatchInput(source, recursive);
    }

    @JsonProperty("source")
    public String getSource() {
        return source;
    }

    @JsonProperty("recursive")
    public Boolean getRecursive() {
        return recursive;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof BatchInput that && Objects.equals(source, that.source)
                && Objects.equals(recursive, that.recursive);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, recursive);
    }

    @Override
    public String toString() {
        return "BatchInput{source=" + source + ", recursive=" + recursive + "}";
    }
}
