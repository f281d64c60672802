package io.github.camelclaid.testserver;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelclaid.client.ApiOperation;

/**
 * Request rules Claid documents in prose rather than in its schemas. They are checked with the schemas, before any
 * storage is looked up, and answered with the same 422 validation envelope.
 */
final class RequestRules {

    private RequestRules() {
    }

    static void check(ApiOperation operation, JsonNode body) {
        if (operation == ApiOperation.GENERATE) {
            String output = Json.text(body, "output");
            if (output != null && !output.endsWith("/")) {
                throw ErrorBodies.validation("output",
                        "must be a folder: Claid requires the output path of image generation to end with /");
            }
        }
    }
}
