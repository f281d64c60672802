package io.github.camelclaid.client.model.request;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.github.camelclaid.client.model.request.Json.assertJson;
import static io.github.camelclaid.client.model.request.Json.assertValid;
import static io.github.camelclaid.client.model.request.Json.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SceneCreateRequestTest {

    private static final String PRODUCT = "https://images.example.com/cutouts/bottle.png";

    @Test
    void fullyPopulatedSceneValidates() {
        SceneCreateRequest request = SceneCreateRequest.builder()
                .object(SceneObjectAbsolute.builder()
                        .imageUrl(PRODUCT)
                        .rotationDegree(15)
                        .scale(0.6)
                        .position(ObjectPosition.of(0.5, 0.35))
                        .build())
                .scene(ScenePromptOptions.builder()
                        .model(SceneCreateModelEnum.V2)
                        .prompt("on a marble countertop next to fresh lemons")
                        .negativePrompt("people, text")
                        .steps(30)
                        .color("#f5e6d3")
                        .aspectRatio(SceneAspectRatioEnum.RATIO_4_5)
                        .preference(PreferenceEnum.BEST)
                        .build())
                .output(SceneOutputOptions.builder()
                        .numberOfImages(2)
                        .destination("storage://my-s3/scenes/")
                        .format(CompressedFormatOptions.webp().compression(CompressionOptions.lossy(85)).build())
                        .build())
                .build();
        assertEquals("SceneCreateAPIIn", request.schemaName());
        assertValid(request);
        assertJson("""
                {"object":{"image_url":"https://images.example.com/cutouts/bottle.png","placement_type":"absolute",
                           "rotation_degree":15.0,"scale":0.6,"position":{"x":0.5,"y":0.35}},
                 "scene":{"model":"v2","prompt":"on a marble countertop next to fresh lemons",
                          "negative_prompt":"people, text","steps":30,"color":"#f5e6d3","aspect_ratio":"4:5",
                          "preference":"best"},
                 "output":{"number_of_images":2,"destination":"storage://my-s3/scenes/",
                           "format":{"type":"webp","compression":{"type":"lossy","quality":85}}}}
                """, request);
    }

    @Test
    void everyObjectPlacementWorksWithEverySceneKind() {
        List<Object> objects = List.of(
                SceneObjectAbsolute.builder().imageUrl(PRODUCT).build(),
                SceneObjectOriginal.of(PRODUCT),
                SceneObjectPadding.of(PRODUCT, "10%"));
        List<Object> scenes = List.of(
                ScenePromptOptions.builder()
                        .prompt(PromptOptions.builder().generate(true).guidelines("summer mood").build()).build(),
                SceneTemplateOptions.builder()
                        .templateUrl("storage://my-s3/templates/kitchen.jpg")
                        .view(TemplateViewEnum.FRONT)
                        .templateMode(TemplateModeEnum.ADJUST)
                        .model(SceneCreateModelEnum.V2_BETA)
                        .color("#ffffff")
                        .prompt("bright kitchen")
                        .negativePrompt("clutter")
                        .steps(20)
                        .build(),
                SceneEffectOptions.shadows()
                        .model(SceneCreateModelEnum.V1)
                        .color(ColorEnum.TRANSPARENT)
                        .view(TemplateViewAutoEnum.TOP)
                        .aspectRatio(SceneAspectRatioEnum.RATIO_1_1)
                        .build());
        for (Object object : objects) {
            for (Object scene : scenes) {
                SceneCreateRequest.Builder b = SceneCreateRequest.builder().output("storage://my-s3/scenes/");
                if (object instanceof SceneObjectAbsolute o) {
                    b.object(o);
                } else if (object instanceof SceneObjectOriginal o) {
                    b.object(o);
                } else {
                    b.object((SceneObjectPadding) object);
                }
                if (scene instanceof ScenePromptOptions s) {
                    b.scene(s);
                } else if (scene instanceof SceneTemplateOptions s) {
                    b.scene(s);
                } else {
                    b.scene((SceneEffectOptions) scene);
                }
                assertValid(b.build());
            }
        }
    }

    @Test
    void variantsSerializeToClaidsShapes() {
        assertJson("{\"image_url\":\"" + PRODUCT + "\",\"placement_type\":\"original\"}",
                SceneObjectOriginal.of(PRODUCT));
        assertJson("{\"image_url\":\"" + PRODUCT + "\",\"placement_type\":\"padding\",\"padding\":\"5% 10%\"}",
                SceneObjectPadding.of(PRODUCT, "5% 10%"));
        assertJson("{\"effect\":\"shadows\",\"color\":\"#eeeeee\"}",
                SceneEffectOptions.shadows().color("#eeeeee").build());
        assertJson("{\"prompt\":\"on a beach\"}", ScenePromptOptions.builder().prompt("on a beach").build());
        assertJson("{\"prompt\":{\"text\":\"on a beach\"}}",
                ScenePromptOptions.builder().prompt(PromptOptions.builder().text("on a beach").build()).build());
        assertJson("{\"template_url\":\"https://images.example.com/t.jpg\",\"view\":\"top\"}",
                SceneTemplateOptions.builder().templateUrl("https://images.example.com/t.jpg")
                        .view(TemplateViewEnum.TOP).build());
    }

    @Test
    void missingRequiredFieldsAreLeftToTheValidator() {
        SceneCreateRequest noEffect = SceneCreateRequest.builder()
                .object(SceneObjectOriginal.of(PRODUCT))
                .scene(SceneEffectOptions.builder().color("#ffffff").build())
                .build();
        assertFalse(violations("SceneCreateAPIIn", noEffect).isEmpty());
        assertFalse(violations("SceneCreateAPIIn", SceneCreateRequest.builder().build()).isEmpty());
    }

    @Test
    void outputFormatTakesEachAllowedShape() {
        List<SceneOutputOptions> outputs = List.of(
                SceneOutputOptions.builder().format(FormatEnum.PNG).build(),
                SceneOutputOptions.builder().format(FormatJpegOptions.builder().quality(95).build()).build(),
                SceneOutputOptions.builder().format(FormatPngOptions.builder()
                        .compression(FormatCompressionLevelEnum.FAST).build()).build(),
                SceneOutputOptions.builder().format(CompressedFormatOptions.webp()
                        .compression(CompressionEnum.LOSSLESS).build()).build(),
                SceneOutputOptions.builder().format(CompressedFormatOptions.avif()
                        .compression(CompressionOptions.lossy(50)).build()).build());
        for (SceneOutputOptions output : outputs) {
            assertValid("SceneCreateAPIOutputIn", output);
        }
        // one builder serves WEBP, AVIF and TIFF; Claid's scene schema is what refuses TIFF
        assertFalse(violations("SceneCreateAPIOutputIn", SceneOutputOptions.builder()
                .format(CompressedFormatOptions.tiff().compression(CompressionEnum.LOSSY).build()).build()).isEmpty());
    }
}
