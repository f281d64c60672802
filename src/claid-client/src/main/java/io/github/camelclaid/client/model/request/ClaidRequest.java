package io.github.camelclaid.client.model.request;

/**
 * A complete JSON body for one Claid endpoint. Serialize it with Jackson and check it against
 * {@link #schemaName()} with {@code ClaidSchemas.get().validate(...)} before sending.
 */
public interface ClaidRequest {

    /** Name of the schema under {@code components.schemas} of Claid's API that this body must satisfy. */
    String schemaName();
}
