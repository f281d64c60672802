package io.github.camelclaid.client.model.request;

import org.junit.jupiter.api.Test;

import static io.github.camelclaid.client.model.request.Json.assertJson;
import static io.github.camelclaid.client.model.request.Json.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AiEditRequestTest {

    @Test
    void fullyPopulatedAiEditValidates() {
        AiEditRequest request = AiEditRequest.builder()
                .input("https://images.example.com/living-room.jpg")
                .options(AiEditOptions.builder()
                        .prompt("replace the sofa with a green velvet armchair")
                        .model(AiEditModelEnum.V1)
                        .aspectRatio(AiEditAspectRatioEnum.RATIO_16_9)
                        .inferenceSteps(30)
                        .guidanceScale(7.5)
                        .build())
                .output(AiEditOutputOptions.builder()
                        .numberOfImages(2)
                        .destination("storage://my-s3/ai-edit/")
                        .format(AiEditFormatEnum.JPEG)
                        .build())
                .build();
        assertEquals("AiEditAPIRequest", request.schemaName());
        assertValid(request);
        assertJson("""
                {"input":"https://images.example.com/living-room.jpg",
                 "options":{"model":"v1","prompt":"replace the sofa with a green velvet armchair",
                            "aspect_ratio":"16:9","inference_steps":30,"guidance_scale":7.5},
                 "output":{"number_of_images":2,"destination":"storage://my-s3/ai-edit/","format":"jpeg"}}
                """, request);
    }

    @Test
    void outputMayBeADestinationOnly() {
        AiEditRequest request = AiEditRequest.builder()
                .input("https://images.example.com/living-room.jpg")
                .options(AiEditOptions.builder().prompt("make it night time").build())
                .output("storage://my-s3/ai-edit/")
                .build();
        assertJson("""
                {"input":"https://images.example.com/living-room.jpg","options":{"prompt":"make it night time"},
                 "output":"storage://my-s3/ai-edit/"}
                """, request);
        assertValid(request);
    }
}
