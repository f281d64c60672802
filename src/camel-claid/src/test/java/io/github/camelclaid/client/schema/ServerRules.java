package io.github.camelclaid.client.schema;

import java.util.Random;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rules Claid (and so the local server) applies beyond the schemas that a schema-valid generated body could
 * still break. Only the ones the generators cannot avoid by their choice of values live here; the others (storage
 * folders as destinations, small sizes) are kept by {@link ValidBodies} itself.
 */
final class ServerRules {

    private ServerRules() {
    }

    static void apply(String schemaName, ObjectNode body, Random random) {
        if (schemaName.equals("StorageIn_Pydantic") || schemaName.equals("StorageInUpdate_Pydantic")) {
            storageTypeFitsParameters(body, random);
        }
    }

    /**
     * A web_folder storage needs a base_url, an s3 or gcs one a bucket and credentials. The schema lets type and
     * parameters vary independently, so the type follows the parameters branch generated. An update without
     * parameters keeps the stored (s3) parameters, so its type stays a bucket type.
     */
    private static void storageTypeFitsParameters(ObjectNode body, Random random) {
        if (!body.has("type")) {
            return;
        }
        boolean webFolder = body.path("parameters").has("base_url");
        body.put("type", webFolder ? "web_folder" : random.nextBoolean() ? "s3" : "gcs");
    }
}
