package io.github.camelclaid.client.model.request;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelclaid.client.ClaidSchemas;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every Java enum carries exactly the values of the Claid enum schema(s) it stands for, in JSON form. */
class EnumValuesTest {

    private static final Map<String, Class<? extends Enum<?>>> ENUMS = new LinkedHashMap<>();

    static {
        ENUMS.put("FormatEnum", FormatEnum.class);
        ENUMS.put("FitEnum", FitEnum.class);
        ENUMS.put("FitCropEnum", FitCropEnum.class);
        ENUMS.put("SizesEnum", SizesEnum.class);
        ENUMS.put("UpscaleEnum", UpscaleEnum.class);
        ENUMS.put("PhotoVersionEnum", PhotoVersionEnum.class);
        ENUMS.put("DecompressEnum", DecompressEnum.class);
        ENUMS.put("BackgroundCategoryEnum", BackgroundCategoryEnum.class);
        ENUMS.put("BackgroundEnum", BackgroundEnum.class);
        ENUMS.put("BackgroundBlurTypeEnum", BackgroundBlurTypeEnum.class);
        ENUMS.put("BackgroundBlurLevelEnum", BackgroundBlurLevelEnum.class);
        ENUMS.put("FormatCompressionLevelEnum", FormatCompressionLevelEnum.class);
        ENUMS.put("WebpCompressionEnum", CompressionEnum.class);
        ENUMS.put("AvifCompressionEnum", CompressionEnum.class);
        ENUMS.put("TiffCompressionEnum", CompressionEnum.class);
        ENUMS.put("ColorSpaceEnum", ColorSpaceEnum.class);
        ENUMS.put("CMYKColorProfileEnum", CmykColorProfileEnum.class);
        ENUMS.put("AIEditModelAPI", AiEditModelEnum.class);
        ENUMS.put("AiEditAspectRatio", AiEditAspectRatioEnum.class);
        ENUMS.put("AiEditFormatEnum", AiEditFormatEnum.class);
        ENUMS.put("TryOnAPIAspectRatio", TryOnAspectRatioEnum.class);
        ENUMS.put("TryOnAPIFormatEnum", TryOnFormatEnum.class);
        ENUMS.put("SceneCreateModelEnum", SceneCreateModelEnum.class);
        ENUMS.put("SceneEffectEnum", SceneEffectEnum.class);
        ENUMS.put("ColorEnum", ColorEnum.class);
        ENUMS.put("TemplateViewAutoEnum", TemplateViewAutoEnum.class);
        ENUMS.put("TemplateViewEnum", TemplateViewEnum.class);
        ENUMS.put("SceneAspectRatioEnum", SceneAspectRatioEnum.class);
        ENUMS.put("PreferenceEnum", PreferenceEnum.class);
        ENUMS.put("TemplateModeEnum", TemplateModeEnum.class);
        ENUMS.put("DurationEnum", DurationEnum.class);
        ENUMS.put("StorageType", StorageType.class);
    }

    @Test
    void javaEnumsHoldExactlyClaidsValues() throws IOException {
        JsonNode schemas;
        try (InputStream in = ClaidSchemas.class.getResourceAsStream("claid-api-schemas.json")) {
            assertNotNull(in);
            schemas = Json.MAPPER.readTree(in).path("$defs");
        }
        for (Map.Entry<String, Class<? extends Enum<?>>> e : ENUMS.entrySet()) {
            List<String> expected = new ArrayList<>();
            schemas.path(e.getKey()).path("enum").forEach(v -> expected.add(v.asText()));
            assertTrue(!expected.isEmpty(), e.getKey());
            List<String> actual = Arrays.stream(e.getValue().getEnumConstants())
                    .map(c -> Json.tree(c).asText())
                    .toList();
            assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList(), e.getKey());
        }
    }

    @Test
    void everyRequestNamesAnExistingSchema() {
        List<ClaidRequest> requests = List.of(EditRequest.builder().build(), UploadEditData.builder().build(),
                BatchEditRequest.builder().build(), AiEditRequest.builder().build(),
                FashionModelsRequest.builder().build(), GenerateRequest.builder().build(),
                SceneCreateRequest.builder().build(), VideoRequest.builder().build(),
                StorageRequest.builder().build(), StorageUpdateRequest.builder().build());
        for (ClaidRequest request : requests) {
            assertTrue(ClaidSchemas.get().has(request.schemaName()), request.schemaName());
            assertTrue(Json.tree(request).isObject());
        }
        assertTrue(ClaidSchemas.get().has(EditRequest.ASYNC_SCHEMA_NAME));
    }
}
