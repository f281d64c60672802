package io.github.camelclaid.client.model.request;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.client.ClaidSchemas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The request models cover Claid's request schemas: walking the bundled schema file from every operation's request
 * schema through each {@code $ref}, every object schema reached has a model class, every property of it is a member
 * of that class (its Jackson property name), and every member of a model is a property of one of its schemas. The
 * schema file stays the one source of what a request may hold; this test only names which class stands for which
 * schema.
 */
class RequestModelCoverageTest {

    /** Claid's schema → the model standing for it; schemas of one shape (create and update, per format) share one. */
    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            entry("EditRequest", EditRequest.class),
            entry("AsyncEditRequest", EditRequest.class),
            entry("UploadEditData", UploadEditData.class),
            entry("BatchEditRequest", BatchEditRequest.class),
            entry("BatchEditInputOptions", BatchInput.class),
            entry("ImageOperations", ImageOperations.class),
            entry("RestorationsOptions", RestorationsOptions.class),
            entry("UpscalePhotoOptions", UpscalePhotoOptions.class),
            entry("AdjustmentsOptions", AdjustmentsOptions.class),
            entry("HdrOptions", HdrOptions.class),
            entry("BackgroundOptions", BackgroundOptions.class),
            entry("BackgroundRemovalOptions", BackgroundRemovalOptions.class),
            entry("BackgroundSelectiveOptions", BackgroundSelectiveOptions.class),
            entry("BackgroundBlurOptions", BackgroundBlurOptions.class),
            entry("ResizingOptions", ResizingOptions.class),
            entry("CropOptions", FitOptions.class),
            entry("CoverOptions", FitOptions.class),
            entry("BoundsOptions", FitOptions.class),
            entry("CanvasOptions", FitOptions.class),
            entry("OutpaintOptions", FitOptions.class),
            entry("PrivacyOptions", PrivacyOptions.class),
            entry("GenerativeOptions", GenerativeOptions.class),
            entry("StyleTransferOptions", StyleTransferOptions.class),
            entry("ImageOutputOptions", ImageOutputOptions.class),
            entry("FormatJpegOptions", FormatJpegOptions.class),
            entry("FormatPngOptions", FormatPngOptions.class),
            entry("FormatWebpOptions", CompressedFormatOptions.class),
            entry("FormatAvifOptions", CompressedFormatOptions.class),
            entry("FormatTiffOptions", CompressedFormatOptions.class),
            entry("WebpLossyCompressionOptions", CompressionOptions.class),
            entry("WebpLosslessCompressionOptions", CompressionOptions.class),
            entry("AvifLossyCompressionOptions", CompressionOptions.class),
            entry("AvifLosslessCompressionOptions", CompressionOptions.class),
            entry("TiffLossyCompressionOptions", CompressionOptions.class),
            entry("TiffLosslessCompressionOptions", CompressionOptions.class),
            entry("MetadataOptions", MetadataOptions.class),
            entry("RGBColorSpaceOptions", ColorSpaceOptions.class),
            entry("CMYKColorSpaceOptions", ColorSpaceOptions.class),
            entry("AiEditAPIRequest", AiEditRequest.class),
            entry("AIEditRequestOutputObject", AiEditOutputOptions.class),
            entry("AiEditRequestOptionsObject", AiEditOptions.class),
            entry("TryOnAPIRequest", FashionModelsRequest.class),
            entry("TryOnAPIRequestOutputObject", FashionModelsOutputOptions.class),
            entry("TryOnAPIRequestInputOptions", FashionModelsInput.class),
            entry("TryOnAPIRequestOptionsObject", FashionModelsOptions.class),
            entry("GenerateRequest", GenerateRequest.class),
            entry("ImageGenerateOptions", ImageGenerateOptions.class),
            entry("SceneCreateAPIIn", SceneCreateRequest.class),
            entry("SceneCreateAPIOutputIn", SceneOutputOptions.class),
            entry("SceneCreateAPIObjectAbsoluteIn", SceneObjectAbsolute.class),
            entry("ObjectPosition", ObjectPosition.class),
            entry("SceneCreateAPIObjectOriginalIn", SceneObjectOriginal.class),
            entry("SceneCreateAPIObjectPaddingIn", SceneObjectPadding.class),
            entry("SceneCreateAPISceneBackgroundEffectIn", SceneEffectOptions.class),
            entry("SceneCreateAPIScenePromptIn", ScenePromptOptions.class),
            entry("SceneCreateAPISceneTemplateIn", SceneTemplateOptions.class),
            entry("ScenePromptAdvancedIn", PromptOptions.class),
            entry("ImageVideoRequest", VideoRequest.class),
            entry("VideoOptionsObject", VideoOptions.class),
            entry("VideoPromptObject", PromptOptions.class),
            entry("StorageIn_Pydantic", StorageRequest.class),
            entry("StorageInUpdate_Pydantic", StorageUpdateRequest.class),
            entry("S3Parameters_Pydantic", S3Parameters.class),
            entry("S3ParametersUpdate_Pydantic", S3Parameters.class),
            entry("GCSParameters_Pydantic", GcsParameters.class),
            entry("GCSParametersUpdate_Pydantic", GcsParameters.class),
            entry("WebFolderParameters_Pydantic", WebFolderParameters.class),
            entry("AWSCredentials", StorageCredentials.class),
            entry("AWSCredentialsUpdate", StorageCredentials.class),
            entry("GCPCredentials", StorageCredentials.class),
            entry("GCPCredentialsUpdate", StorageCredentials.class));

    private static JsonNode schemas;
    /** Each object schema reached from a request schema, with where it was first reached from. */
    private static Map<String, String> reached;

    @BeforeAll
    static void walkTheRequestSchemas() throws IOException {
        try (InputStream in = ClaidSchemas.class.getResourceAsStream("claid-api-schemas.json")) {
            schemas = Json.MAPPER.readTree(in).path("$defs");
        }
        reached = new LinkedHashMap<>();
        for (ApiOperation operation : ApiOperation.values()) {
            if (operation.requestSchema() != null) {
                reach(operation.requestSchema(), "the request of " + operation);
            }
        }
    }

    private static void reach(String name, String from) {
        JsonNode schema = schemas.path(name);
        if (reached.containsKey(name)) {
            return;
        }
        if (!"object".equals(schema.path("type").asText())) {
            // an enum ends the walk (EnumValuesTest checks its values); any other shape would hide what it refers to
            assertTrue(schema.has("enum"), name + " is neither an object nor an enum schema: teach this walk its shape");
            return;
        }
        reached.put(name, from);
        for (Iterator<Map.Entry<String, JsonNode>> p = schema.path("properties").fields(); p.hasNext();) {
            Map.Entry<String, JsonNode> property = p.next();
            refs(property.getValue()).forEach(ref -> reach(ref, name + "." + property.getKey()));
        }
    }

    /** The schema names of every {@code $ref} in the node, at any depth (anyOf, items, ...). */
    private static List<String> refs(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.findValues("$ref").forEach(ref -> names.add(ref.asText().substring(ref.asText().lastIndexOf('/') + 1)));
        return names;
    }

    private static Set<String> properties(String schema) {
        Set<String> names = new TreeSet<>();
        schemas.path(schema).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The JSON names Jackson writes for the class: {@code @JsonProperty} names, else bean property names. */
    private static Set<String> members(Class<?> model) {
        return Json.MAPPER.getSerializationConfig().introspect(Json.MAPPER.constructType(model)).findProperties()
                .stream().map(BeanPropertyDefinition::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theWalkReachesEveryOperationsRequestAndWhatItNests() {
        assertTrue(reached.keySet().containsAll(List.of("EditRequest", "BatchEditRequest", "StorageInUpdate_Pydantic",
                "TiffLosslessCompressionOptions", "ScenePromptAdvancedIn", "GCPCredentialsUpdate")), reached::toString);
    }

    @Test
    void everyObjectSchemaOfARequestHasAModel() {
        List<String> unmodelled = reached.entrySet().stream().filter(e -> !MODELS.containsKey(e.getKey()))
                .map(e -> e.getKey() + " (reached from " + e.getValue() + ")").toList();

        assertEquals(List.of(), unmodelled, "schemas no request model stands for; add a model and a row to MODELS");
    }

    @Test
    void everyPropertyOfASchemaIsAMemberOfItsModel() {
        List<String> missing = new ArrayList<>();
        for (String schema : reached.keySet()) {
            Class<?> model = MODELS.get(schema);
            if (model != null) {
                Set<String> members = members(model);
                properties(schema).stream().filter(p -> !members.contains(p))
                        .forEach(p -> missing.add(schema + "." + p + " has no member in " + model.getSimpleName()));
            }
        }

        assertEquals(List.of(), missing);
    }

    @Test
    void everyMemberOfAModelIsAPropertyOfOneOfItsSchemas() {
        Map<Class<?>, Set<String>> allowed = new LinkedHashMap<>();
        MODELS.forEach((schema, model) -> allowed.computeIfAbsent(model, m -> new HashSet<>()).addAll(properties(schema)));
        List<String> extra = new ArrayList<>();
        allowed.forEach((model, properties) -> members(model).stream().filter(m -> !properties.contains(m))
                .forEach(m -> extra.add(model.getSimpleName() + "." + m + " is in none of its schemas")));

        assertEquals(List.of(), extra);
    }

    @Test
    void everySchemaInTheTableIsOneARequestReaches() {
        Set<String> unreached = new TreeSet<>(MODELS.keySet());
        unreached.removeAll(reached.keySet());

        assertEquals(Set.of(), unreached, "rows of MODELS for schemas no request holds");
    }

    @Test
    void eachRequestModelNamesTheSchemaTheTableGivesIt() throws ReflectiveOperationException {
        Set<Class<?>> requestModels = MODELS.values().stream().filter(ClaidRequest.class::isAssignableFrom)
                .collect(Collectors.toSet());
        for (Class<?> model : requestModels) {
            Object builder = model.getMethod("builder").invoke(null);
            ClaidRequest empty = (ClaidRequest) builder.getClass().getMethod("build").invoke(builder);
            assertEquals(model, MODELS.get(empty.schemaName()), empty.schemaName());
        }
        assertEquals(10, requestModels.size(), requestModels::toString);
        assertEquals(EditRequest.class, MODELS.get(EditRequest.ASYNC_SCHEMA_NAME));
    }
}
