package io.github.camelclaid.client.model.request;

import org.junit.jupiter.api.Test;

import static io.github.camelclaid.client.model.request.Json.assertJson;
import static io.github.camelclaid.client.model.request.Json.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GenerateRequestTest {

    @Test
    void fullyPopulatedGenerateRequestValidates() {
        GenerateRequest request = GenerateRequest.builder()
                .input("a ceramic coffee mug on a wooden table, morning light")
                .options(ImageGenerateOptions.builder().numberOfImages(2).guidanceScale(6.5).build())
                .output("storage://my-s3/generated/")
                .build();
        assertEquals("GenerateRequest", request.schemaName());
        assertValid(request);
        assertJson("""
                {"input":"a ceramic coffee mug on a wooden table, morning light",
                 "options":{"number_of_images":2,"guidance_scale":6.5},
                 "output":"storage://my-s3/generated/"}
                """, request);
    }

    @Test
    void promptAloneIsEnough() {
        GenerateRequest request = GenerateRequest.builder().input("a red bicycle").build();
        assertJson("{\"input\":\"a red bicycle\"}", request);
        assertValid(request);
    }
}
