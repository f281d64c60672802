package io.github.camelclaid.client.model.request;

import java.util.List;

import io.github.camelclaid.client.SchemaViolation;
import org.junit.jupiter.api.Test;

import static io.github.camelclaid.client.model.request.Json.assertJson;
import static io.github.camelclaid.client.model.request.Json.assertValid;
import static io.github.camelclaid.client.model.request.Json.tree;
import static io.github.camelclaid.client.model.request.Json.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditRequestTest {

    static EditRequest fullEdit() {
        return EditRequest.builder()
                .input("https://images.example.com/products/shoe-42.jpg")
                .operations(ImageOperations.builder()
                        .restorations(RestorationsOptions.builder()
                                .decompress(DecompressEnum.AUTO)
                                .upscale(UpscalePhotoOptions.of(PhotoVersionEnum.V2))
                                .polish(true)
                                .build())
                        .adjustments(AdjustmentsOptions.builder()
                                .hdr(HdrOptions.builder().intensity(60).stitching(false).build())
                                .exposure(10).saturation(-5).contrast(15).sharpness(20)
                                .build())
                        .background(BackgroundOptions.builder()
                                .remove(BackgroundRemovalOptions.builder()
                                        .clipping(true)
                                        .selective(BackgroundSelectiveOptions.of("sneaker"))
                                        .category(BackgroundCategoryEnum.PRODUCTS)
                                        .build())
                                .color("#f4f4f4")
                                .build())
                        .resizing(ResizingOptions.builder()
                                .width(800).height(SizesEnum.AUTO)
                                .fit(FitOptions.crop(FitCropEnum.SMART))
                                .build())
                        .padding("5% 10%")
                        .privacy(PrivacyOptions.builder().blurCarPlate(true).identityCrop(false).build())
                        .generative(GenerativeOptions.builder()
                                .styleTransfer(StyleTransferOptions.builder()
                                        .styleReferenceImage("https://images.example.com/styles/watercolor.png")
                                        .prompt("soft watercolor look")
                                        .depthStrength(0.9).denoisingStrength(0.6).styleStrength(0.7)
                                        .build())
                                .build())
                        .build())
                .output(ImageOutputOptions.builder()
                        .format(FormatJpegOptions.builder().quality(90).progressive(true).build())
                        .destination("storage://my-s3/results/shoe-42.jpg")
                        .metadata(MetadataOptions.builder()
                                .dpi(300)
                                .colorSpace(ColorSpaceOptions.cmyk(CmykColorProfileEnum.ISO_COATED))
                                .build())
                        .build())
                .build();
    }

    @Test
    void fullyPopulatedEditSatisfiesTheSyncAndAsyncSchemas() {
        EditRequest request = fullEdit();
        assertEquals("EditRequest", request.schemaName());
        assertValid(request);
        assertValid(EditRequest.ASYNC_SCHEMA_NAME, request);
    }

    @Test
    void fullyPopulatedEditSerializesWithClaidNames() {
        assertJson("""
                {"input":"https://images.example.com/products/shoe-42.jpg",
                 "operations":{
                   "restorations":{"decompress":"auto","upscale":{"type":"photo","version":"2"},"polish":true},
                   "adjustments":{"hdr":{"intensity":60,"stitching":false},"exposure":10,"saturation":-5,
                                  "contrast":15,"sharpness":20},
                   "background":{"remove":{"clipping":true,"selective":{"object_to_keep":"sneaker"},
                                           "category":"products"},"color":"#f4f4f4"},
                   "resizing":{"width":800,"height":"auto","fit":{"type":"crop","crop":"smart"}},
                   "padding":"5% 10%",
                   "privacy":{"blur_car_plate":true,"identity_crop":false},
                   "generative":{"style_transfer":{
                                 "style_reference_image":"https://images.example.com/styles/watercolor.png",
                                 "prompt":"soft watercolor look","depth_strength":0.9,"denoising_strength":0.6,
                                 "style_strength":0.7}}},
                 "output":{"format":{"type":"jpeg","quality":90,"progressive":true},
                           "destination":"storage://my-s3/results/shoe-42.jpg",
                           "metadata":{"dpi":300,"color_space":{"type":"CMYK","color_profile":"ISO_Coated"}}}}
                """, fullEdit());
    }

    @Test
    void matchesTheExampleInClaidsDocs() {
        EditRequest request = EditRequest.builder()
                .input("https://images.example.com/photo.jpg")
                .operations(ImageOperations.builder()
                        .resizing(ResizingOptions.builder().width(1000).build())
                        .background(BackgroundOptions.builder().remove(false).build())
                        .build())
                .build();
        assertJson("""
                {"input":"https://images.example.com/photo.jpg",
                 "operations":{"resizing":{"width":1000},"background":{"remove":false}}}
                """, request);
        assertValid(request);
    }

    @Test
    void withoutInputIsTheUploadDataPartOfClaidsDocsExample() {
        UploadEditData data = EditRequest.builder()
                .input("https://images.example.com/photo.jpg")
                .operations(ImageOperations.builder()
                        .resizing(ResizingOptions.builder().width(1000).build())
                        .background(BackgroundOptions.builder().remove(false).build())
                        .build())
                .output("storage://my-s3/out/photo.png")
                .build()
                .withoutInput();
        assertJson("""
                {"operations":{"resizing":{"width":1000},"background":{"remove":false}},
                 "output":"storage://my-s3/out/photo.png"}
                """, data);
        assertEquals("UploadEditData", data.schemaName());
        assertValid(data);
        assertValid(fullEdit().withoutInput());
        assertEquals(UploadEditData.builder().operations(fullEdit().getOperations())
                .output((ImageOutputOptions) fullEdit().getOutput()).build(), fullEdit().withoutInput());
    }

    @Test
    void unsetFieldsAreOmitted() {
        EditRequest request = EditRequest.builder()
                .input("https://images.example.com/a.png")
                .operations(ImageOperations.builder().build())
                .build();
        assertJson("{\"input\":\"https://images.example.com/a.png\",\"operations\":{}}", request);
        assertValid(request);
    }

    @Test
    void outputIsAnObjectOrADestination() {
        ImageOperations ops = ImageOperations.builder().build();
        EditRequest toUri = EditRequest.builder().input("https://x.example/a.jpg").operations(ops)
                .output("storage://my-s3/out/a.jpg").build();
        assertEquals("storage://my-s3/out/a.jpg", tree(toUri).get("output").asText());
        assertValid(toUri);

        EditRequest toObject = EditRequest.builder().input("https://x.example/a.jpg").operations(ops)
                .output(ImageOutputOptions.builder().format(FormatEnum.PNG).build()).build();
        assertJson("{\"format\":\"png\"}", toObject.getOutput());
        assertValid(toObject);
    }

    @Test
    void widthAndHeightTakePixelsPercentagesOrAuto() {
        ResizingOptions pixels = ResizingOptions.builder().width(800).height(600).build();
        ResizingOptions percent = ResizingOptions.builder().width("50%").height("auto").build();
        ResizingOptions auto = ResizingOptions.builder().width(SizesEnum.AUTO).height(1200).build();
        assertJson("{\"width\":800,\"height\":600}", pixels);
        assertJson("{\"width\":\"50%\",\"height\":\"auto\"}", percent);
        assertJson("{\"width\":\"auto\",\"height\":1200}", auto);
        assertTrue(tree(pixels).get("width").isInt());
        for (ResizingOptions r : List.of(pixels, percent, auto)) {
            assertValid("ResizingOptions", r);
        }
    }

    @Test
    void fitIsANameOrAModeObject() {
        assertJson("{\"fit\":\"canvas\"}", ResizingOptions.builder().fit(FitEnum.CANVAS).build());
        assertJson("{\"type\":\"crop\",\"crop\":\"center\"}", FitOptions.crop(FitCropEnum.CENTER));
        assertJson("{\"type\":\"cover\"}", FitOptions.cover());
        assertJson("{\"type\":\"bounds\"}", FitOptions.bounds());
        assertJson("{\"type\":\"canvas\"}", FitOptions.canvas());
        assertJson("{\"type\":\"outpaint\"}", FitOptions.outpaint(null, null));
        assertJson("{\"type\":\"outpaint\",\"feathering\":\"15%\",\"outpaint_by\":\"10% 5%\"}",
                FitOptions.outpaint("15%", "10% 5%"));
        for (FitEnum fit : FitEnum.values()) {
            assertValid("ResizingOptions", ResizingOptions.builder().width(1024).fit(fit).build());
        }
        for (FitOptions fit : List.of(FitOptions.crop(FitCropEnum.SMART), FitOptions.cover(), FitOptions.bounds(),
                FitOptions.canvas(), FitOptions.outpaint(null, null), FitOptions.outpaint("15%", "1024px 512px"))) {
            assertValid("ResizingOptions", ResizingOptions.builder().width(1024).height(1024).fit(fit).build());
        }
    }

    @Test
    void formatIsANameOrPerFormatOptions() {
        assertJson("{\"type\":\"png\",\"compression\":\"best\"}",
                FormatPngOptions.builder().compression(FormatCompressionLevelEnum.BEST).build());
        assertJson("{\"type\":\"webp\",\"compression\":{\"type\":\"lossy\",\"quality\":80}}",
                CompressedFormatOptions.webp().compression(CompressionOptions.lossy(80)).build());
        assertJson("{\"type\":\"avif\",\"compression\":{\"type\":\"lossless\"}}",
                CompressedFormatOptions.avif().compression(CompressionOptions.lossless()).build());
        assertJson("{\"type\":\"tiff\",\"compression\":\"lossy\"}",
                CompressedFormatOptions.tiff().compression(CompressionEnum.LOSSY).build());
        assertJson("{\"type\":\"jpeg\"}", FormatJpegOptions.builder().build());

        for (FormatEnum format : FormatEnum.values()) {
            assertValid("ImageOutputOptions", ImageOutputOptions.builder().format(format).build());
        }
        List<ImageOutputOptions> objects = List.of(
                ImageOutputOptions.builder().format(FormatJpegOptions.builder().quality(70).build()).build(),
                ImageOutputOptions.builder().format(FormatPngOptions.builder().build()).build(),
                ImageOutputOptions.builder().format(CompressedFormatOptions.webp()
                        .compression(CompressionEnum.LOSSLESS).build()).build(),
                ImageOutputOptions.builder().format(CompressedFormatOptions.webp()
                        .compression(CompressionOptions.lossy()).build()).build(),
                ImageOutputOptions.builder().format(CompressedFormatOptions.avif()
                        .compression(CompressionOptions.lossy(40)).build()).build(),
                ImageOutputOptions.builder().format(CompressedFormatOptions.tiff()
                        .compression(CompressionOptions.lossless()).build()).build());
        for (ImageOutputOptions output : objects) {
            assertValid("ImageOutputOptions", output);
        }
    }

    @Test
    void colorSpaceIsANameOrAnObject() {
        assertJson("{\"color_space\":\"RGB\"}", MetadataOptions.builder().colorSpace(ColorSpaceEnum.RGB).build());
        assertJson("{\"type\":\"RGB\"}", ColorSpaceOptions.rgb());
        assertJson("{\"type\":\"CMYK\"}", ColorSpaceOptions.cmyk());
        for (Object cs : List.of(ColorSpaceEnum.CMYK, ColorSpaceOptions.rgb(), ColorSpaceOptions.cmyk(),
                ColorSpaceOptions.cmyk(CmykColorProfileEnum.USWEB_UNCOATED))) {
            MetadataOptions m = cs instanceof ColorSpaceEnum e
                    ? MetadataOptions.builder().colorSpace(e).build()
                    : MetadataOptions.builder().colorSpace((ColorSpaceOptions) cs).build();
            assertValid("MetadataOptions", m);
        }
    }

    @Test
    void hdrUpscaleAndBackgroundTakeEachOfTheirShapes() {
        assertJson("{\"hdr\":100}", AdjustmentsOptions.builder().hdr(100).build());
        assertJson("{\"hdr\":{\"intensity\":80,\"stitching\":true}}",
                AdjustmentsOptions.builder().hdr(HdrOptions.builder().intensity(80).stitching(true).build()).build());
        assertValid("AdjustmentsOptions", AdjustmentsOptions.builder().hdr(100).build());
        assertValid("AdjustmentsOptions", AdjustmentsOptions.builder().hdr(HdrOptions.builder().build()).build());

        assertJson("{\"upscale\":\"smart_enhance\"}",
                RestorationsOptions.builder().upscale(UpscaleEnum.SMART_ENHANCE).build());
        assertValid("RestorationsOptions", RestorationsOptions.builder().upscale(UpscaleEnum.FACES).build());
        assertValid("RestorationsOptions",
                RestorationsOptions.builder().upscale(UpscalePhotoOptions.of(PhotoVersionEnum.V3)).build());

        BackgroundOptions simple = BackgroundOptions.builder().remove(true).color(BackgroundEnum.TRANSPARENT)
                .build();
        assertJson("{\"remove\":true,\"color\":\"transparent\"}", simple);
        BackgroundOptions blurred = BackgroundOptions.builder().blur(true).build();
        assertJson("{\"blur\":true}", blurred);
        BackgroundOptions detailedBlur = BackgroundOptions.builder()
                .blur(BackgroundBlurOptions.builder()
                        .selective(BackgroundSelectiveOptions.of("person in red coat"))
                        .category(BackgroundCategoryEnum.GENERAL)
                        .type(BackgroundBlurTypeEnum.LENS)
                        .level(BackgroundBlurLevelEnum.HIGH)
                        .build())
                .build();
        assertJson("""
                {"blur":{"selective":{"object_to_keep":"person in red coat"},"category":"general",
                         "type":"lens","level":"high"}}
                """, detailedBlur);
        for (BackgroundOptions b : List.of(simple, blurred, detailedBlur)) {
            assertValid("BackgroundOptions", b);
        }
    }

    @Test
    void buildersLeaveRangeChecksToTheCentralValidator() {
        EditRequest request = EditRequest.builder()
                .input("https://images.example.com/a.jpg")
                .operations(ImageOperations.builder()
                        .adjustments(AdjustmentsOptions.builder().exposure(150).build())
                        .build())
                .build();
        assertEquals(List.of(new SchemaViolation("operations.adjustments.exposure", "must be <= 100")),
                violations("EditRequest", request));
    }

    @Test
    void valueSemantics() {
        assertEquals(fullEdit(), fullEdit());
        assertEquals(fullEdit().hashCode(), fullEdit().hashCode());
        EditRequest other = EditRequest.builder().input("https://images.example.com/other.jpg")
                .operations(fullEdit().getOperations()).output((ImageOutputOptions) fullEdit().getOutput()).build();
        assertNotEquals(fullEdit(), other);
        assertTrue(fullEdit().toString().contains("shoe-42.jpg"));
        assertTrue(fullEdit().toString().contains("ISO_Coated"));
    }
}
