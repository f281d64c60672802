package io.github.camelclaid.client.model.request;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.github.camelclaid.client.model.request.Json.assertJson;
import static io.github.camelclaid.client.model.request.Json.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FashionModelsRequestTest {

    @Test
    void fullyPopulatedFashionModelsRequestValidates() {
        FashionModelsRequest request = FashionModelsRequest.builder()
                .input(FashionModelsInput.builder()
                        .model("https://images.example.com/models/anna.jpg")
                        .clothing("https://images.example.com/clothes/jacket.png",
                                "https://images.example.com/clothes/jeans.png")
                        .build())
                .options(FashionModelsOptions.builder()
                        .pose("walking towards the camera, hands in pockets")
                        .background("city street at dusk")
                        .aspectRatio(TryOnAspectRatioEnum.RATIO_4_5)
                        .build())
                .output(FashionModelsOutputOptions.builder()
                        .numberOfImages(3)
                        .destination("storage://my-s3/lookbook/")
                        .format(TryOnFormatEnum.PNG)
                        .build())
                .build();
        assertEquals("TryOnAPIRequest", request.schemaName());
        assertValid(request);
        assertJson("""
                {"input":{"model":"https://images.example.com/models/anna.jpg",
                          "clothing":["https://images.example.com/clothes/jacket.png",
                                      "https://images.example.com/clothes/jeans.png"]},
                 "options":{"pose":"walking towards the camera, hands in pockets",
                            "background":"city street at dusk","aspect_ratio":"4:5"},
                 "output":{"number_of_images":3,"destination":"storage://my-s3/lookbook/","format":"png"}}
                """, request);
    }

    @Test
    void minimalRequestHasClothingAndEmptyOptions() {
        FashionModelsRequest request = FashionModelsRequest.builder()
                .input(FashionModelsInput.builder()
                        .clothing(List.of("https://images.example.com/clothes/dress.png")).build())
                .options(FashionModelsOptions.builder().build())
                .output("storage://my-s3/lookbook/")
                .build();
        assertJson("""
                {"input":{"clothing":["https://images.example.com/clothes/dress.png"]},"options":{},
                 "output":"storage://my-s3/lookbook/"}
                """, request);
        assertValid(request);
    }
}
