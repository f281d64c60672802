package io.github.camelclaid.client.model.request;

import org.junit.jupiter.api.Test;

import static io.github.camelclaid.client.model.request.Json.assertJson;
import static io.github.camelclaid.client.model.request.Json.assertValid;
import static io.github.camelclaid.client.model.request.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VideoRequestTest {

    @Test
    void fullyPopulatedVideoRequestValidates() {
        VideoRequest request = VideoRequest.builder()
                .input("https://images.example.com/perfume.jpg")
                .options(VideoOptions.builder()
                        .prompt("slow orbit around the bottle, soft reflections")
                        .negativePrompt("text, watermark")
                        .duration(DurationEnum.SECONDS_10)
                        .guidanceScale(0.6)
                        .build())
                .output("storage://my-s3/videos/perfume.mp4")
                .build();
        assertEquals("ImageVideoRequest", request.schemaName());
        assertValid(request);
        assertJson("""
                {"input":"https://images.example.com/perfume.jpg",
                 "options":{"prompt":"slow orbit around the bottle, soft reflections",
                            "negative_prompt":"text, watermark",
                            "duration":"10","guidance_scale":0.6},
                 "output":"storage://my-s3/videos/perfume.mp4"}
                """, request);
        assertTrue(tree(request).at("/options/duration").isTextual(), "Claid's schema wants the duration as a string");
    }

    @Test
    void promptMayBeGeneratedByClaid() {
        VideoRequest request = VideoRequest.builder()
                .input("https://images.example.com/perfume.jpg")
                .options(VideoOptions.builder()
                        .prompt(PromptOptions.builder().generate(true).guidelines("keep the camera still").build())
                        .duration(DurationEnum.SECONDS_5)
                        .build())
                .build();
        assertJson("""
                {"input":"https://images.example.com/perfume.jpg",
                 "options":{"prompt":{"generate":true,"guidelines":"keep the camera still"},"duration":"5"}}
                """, request);
        assertValid(request);
    }
}
