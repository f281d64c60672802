package io.github.camelclaid.client.model.request;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.github.camelclaid.client.model.request.Json.assertJson;
import static io.github.camelclaid.client.model.request.Json.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BatchEditRequestTest {

    private static final ImageOperations OPS = ImageOperations.builder()
            .restorations(RestorationsOptions.builder().upscale(UpscaleEnum.SMART_ENHANCE).build())
            .resizing(ResizingOptions.builder().width("200%").height("200%").build())
            .background(BackgroundOptions.builder().remove(true).color(BackgroundEnum.TRANSPARENT).build())
            .build();

    @Test
    void fullyPopulatedBatchValidates() {
        BatchEditRequest request = BatchEditRequest.builder()
                .input(BatchInput.folder("storage://my-s3/incoming/", true))
                .operations(OPS)
                .output(ImageOutputOptions.builder()
                        .format(FormatPngOptions.builder().compression(FormatCompressionLevelEnum.OPTIMAL).build())
                        .destination("storage://my-s3/processed/")
                        .metadata(MetadataOptions.builder().dpi(72).colorSpace(ColorSpaceEnum.RGB).build())
                        .build())
                .build();
        assertEquals("BatchEditRequest", request.schemaName());
        assertValid(request);
        assertJson("""
                {"input":{"source":"storage://my-s3/incoming/","recursive":true},
                 "operations":{"restorations":{"upscale":"smart_enhance"},
                               "background":{"remove":true,"color":"transparent"},
                               "resizing":{"width":"200%","height":"200%"}},
                 "output":{"format":{"type":"png","compression":"optimal"},
                           "destination":"storage://my-s3/processed/",
                           "metadata":{"dpi":72,"color_space":"RGB"}}}
                """, request);
    }

    @Test
    void inputIsAFolderAnObjectOrAListOfUrls() {
        BatchEditRequest folder = BatchEditRequest.builder().input("storage://my-s3/incoming/").operations(OPS)
                .output("storage://my-s3/processed/").build();
        BatchEditRequest object = BatchEditRequest.builder().input(BatchInput.folder("storage://my-s3/in/", false))
                .operations(OPS).build();
        BatchEditRequest urls = BatchEditRequest.builder()
                .input(List.of("https://images.example.com/1.jpg", "https://images.example.com/2.jpg"))
                .operations(OPS).build();
        assertJson("\"storage://my-s3/incoming/\"", folder.getInput());
        assertJson("{\"source\":\"storage://my-s3/in/\",\"recursive\":false}", object.getInput());
        assertJson("[\"https://images.example.com/1.jpg\",\"https://images.example.com/2.jpg\"]", urls.getInput());
        for (BatchEditRequest r : List.of(folder, object, urls)) {
            assertValid(r);
        }
    }

    @Test
    void urlListIsCopied() {
        List<String> urls = new ArrayList<>(List.of("https://images.example.com/1.jpg"));
        BatchEditRequest request = BatchEditRequest.builder().input(urls).operations(OPS).build();
        urls.add("https://images.example.com/2.jpg");
        assertEquals(List.of("https://images.example.com/1.jpg"), request.getInput());
        assertThrows(UnsupportedOperationException.class,
                () -> ((List<?>) request.getInput()).clear());
    }
}
