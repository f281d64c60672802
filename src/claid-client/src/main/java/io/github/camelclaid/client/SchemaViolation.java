package io.github.camelclaid.client;

/**
 * One way in which a request breaks Claid's schema.
 *
 * @param path    dotted JSON path of the offending field, e.g. {@code operations.adjustments.exposure} (array items as
 *                {@code input[2]}); empty for the request as a whole
 * @param message what is wrong, in terms a person can act on, e.g. {@code must be <= 100}
 */
public record SchemaViolation(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
