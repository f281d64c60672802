package io.github.camelclaid.testserver;

import static io.github.camelclaid.testserver.TestPictures.colour;
import static io.github.camelclaid.testserver.TestPictures.fill;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Edits computed from the input's pixels, one family of operations per test, asserting on the decoded output bytes
 * (and that the reported size and format describe them).
 */
class ImageEditsTest {

    private static final PixelSize DEFAULT_SIZE = new PixelSize(320, 240);

    @Test
    void anUploadedImagesColoursSurviveAResizeThatKeepsItsAspect() {
        SourceImage upload = upload(halves(200, 100, Color.RED, Color.BLUE), "halves.png");

        BufferedImage out = edit(upload, "{\"resizing\":{\"width\":100}}", "{\"format\":\"png\"}", 100, 50);

        assertThat(colour(out, 10, 25)).isEqualTo(Color.RED);
        assertThat(colour(out, 90, 25)).isEqualTo(Color.BLUE);
    }

    @Test
    void percentagesScaleBothSides() {
        BufferedImage out = edit(upload(halves(200, 100, Color.RED, Color.BLUE), "a.png"),
                "{\"resizing\":{\"width\":\"50%\",\"height\":\"50%\"}}", "{\"format\":\"png\"}", 100, 50);
        assertThat(colour(out, 5, 5)).isEqualTo(Color.RED);
    }

    @Test
    void coverKeepsTheAspectRatioAndOverflowsOneSide() {
        edit(upload(halves(400, 200, Color.RED, Color.BLUE), "a.png"),
                "{\"resizing\":{\"width\":100,\"height\":100,\"fit\":\"cover\"}}", "{\"format\":\"png\"}", 200, 100);
    }

    @Test
    void boundsKeepsTheAspectRatioInsideTheBox() {
        edit(upload(halves(400, 200, Color.RED, Color.BLUE), "a.png"),
                "{\"resizing\":{\"width\":100,\"height\":100,\"fit\":\"bounds\"}}", "{\"format\":\"png\"}", 100, 50);
    }

    @Test
    void aCentreCropFillsTheBoxWithTheMiddleOfTheInput() {
        // three vertical thirds: red, green, blue; a square crop of a 3:1 input keeps the green third
        BufferedImage input = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
        fill(input, 0, 0, 100, 100, Color.RED);
        fill(input, 100, 0, 100, 100, Color.GREEN);
        fill(input, 200, 0, 100, 100, Color.BLUE);

        BufferedImage out = edit(upload(input, "thirds.png"),
                "{\"resizing\":{\"width\":50,\"height\":50,\"fit\":\"crop\"}}", "{\"format\":\"png\"}", 50, 50);

        assertThat(out.getWidth()).isEqualTo(out.getHeight());
        assertThat(colour(out, 3, 25)).isEqualTo(Color.GREEN);
        assertThat(colour(out, 46, 25)).isEqualTo(Color.GREEN);
    }

    @Test
    void aSmartCropKeepsTheBusyPartOfTheInput() {
        // plain grey with a checkerboard at the left: the centre crop misses it, the smart crop keeps it
        BufferedImage input = new BufferedImage(400, 100, BufferedImage.TYPE_INT_RGB);
        fill(input, 0, 0, 400, 100, Color.GRAY);
        for (int x = 0; x < 100; x += 10) {
            for (int y = (x / 10 % 2) * 10; y < 100; y += 20) {
                fill(input, x, y, 10, 10, Color.BLACK);
            }
        }
        SourceImage source = upload(input, "detail.png");

        BufferedImage centre = edit(source, "{\"resizing\":{\"width\":100,\"height\":100}}", "{\"format\":\"png\"}",
                100, 100);
        BufferedImage smart = edit(source,
                "{\"resizing\":{\"width\":100,\"height\":100,\"fit\":{\"type\":\"crop\",\"crop\":\"smart\"}}}",
                "{\"format\":\"png\"}", 100, 100);

        assertThat(distinctColours(centre)).isEqualTo(1);
        assertThat(distinctColours(smart)).isGreaterThan(1);
    }

    @Test
    void aCanvasFitFillsTheRestWithTheBackgroundColour() {
        BufferedImage out = edit(upload(halves(400, 200, Color.RED, Color.BLUE), "a.png"),
                "{\"resizing\":{\"width\":100,\"height\":100,\"fit\":\"canvas\"},"
                        + "\"background\":{\"color\":\"#00ff00\"}}",
                "{\"format\":\"png\"}", 100, 100);

        assertThat(colour(out, 50, 5)).isEqualTo(Color.GREEN);
        assertThat(colour(out, 50, 94)).isEqualTo(Color.GREEN);
        assertThat(colour(out, 10, 50)).isEqualTo(Color.RED);
    }

    @Test
    void paddingKeepsTheSizeAndPaintsTheEdgesInTheBackgroundColour() {
        BufferedImage out = edit(upload(halves(200, 100, Color.BLUE, Color.BLUE), "a.png"),
                "{\"padding\":\"10%\",\"background\":{\"color\":\"#ff0000\"}}", "{\"format\":\"png\"}", 200, 100);

        assertThat(colour(out, 100, 2)).isEqualTo(Color.RED);
        assertThat(colour(out, 2, 50)).isEqualTo(Color.RED);
        assertThat(colour(out, 100, 50)).isEqualTo(Color.BLUE);
    }

    @Test
    void backgroundRemovalLeavesTransparentCornersInPngAndWebpAndWhiteInJpeg() {
        SourceImage product = upload(product(200, 160), "product.png");

        BufferedImage png = edit(product, "{\"background\":{\"remove\":true}}", "{\"format\":\"png\"}", 200, 160);
        assertThat(png.getColorModel().hasAlpha()).isTrue();
        for (int[] corner : new int[][] { { 0, 0 }, { 199, 0 }, { 0, 159 }, { 199, 159 } }) {
            assertThat(png.getRGB(corner[0], corner[1]) >>> 24).as("alpha at %s,%s", corner[0], corner[1])
                    .isZero();
        }
        assertThat(png.getRGB(100, 80) >>> 24).as("the object stays opaque").isEqualTo(255);
        assertThat(colour(png, 100, 80)).isEqualTo(new Color(0x8B0000));

        BufferedImage jpeg = edit(product, "{\"background\":{\"remove\":true}}", "{\"format\":\"jpeg\"}", 200, 160);
        assertThat(near(colour(jpeg, 2, 2), Color.WHITE, 6)).isTrue();

        // real WebP bytes, lossy by default, keep the alpha too
        BufferedImage webp = edit(product, "{\"background\":{\"remove\":true}}", "{\"format\":\"webp\"}", 200, 160);
        assertThat(webp.getColorModel().hasAlpha()).isTrue();
        assertThat(webp.getRGB(0, 0) >>> 24).isZero();
        assertThat(webp.getRGB(100, 80) >>> 24).isEqualTo(255);
    }

    @Test
    void backgroundBlurSmoothsTheBackdropAndKeepsTheObject() {
        // a backdrop of fine stripes (close enough in colour to be one background) around a dark square
        BufferedImage input = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 200; x++) {
            fill(input, x, 0, 1, 200, x % 2 == 0 ? new Color(230, 230, 230) : new Color(238, 238, 238));
        }
        fill(input, 70, 70, 60, 60, new Color(0x8B0000));

        BufferedImage out = edit(upload(input, "stripes.png"), "{\"background\":{\"blur\":{\"level\":\"high\"}}}",
                "{\"format\":\"png\"}", 200, 200);

        assertThat(Math.abs(colour(out, 20, 20).getRed() - colour(out, 21, 20).getRed())).isLessThanOrEqualTo(1);
        assertThat(colour(out, 100, 100)).isEqualTo(new Color(0x8B0000));
    }

    @Test
    void adjustmentsChangeTheTones() {
        SourceImage input = upload(halves(100, 100, new Color(120, 60, 30), new Color(30, 90, 150)), "a.png");

        BufferedImage brighter = edit(input, "{\"adjustments\":{\"exposure\":60}}", "{\"format\":\"png\"}", 100, 100);
        BufferedImage grey = edit(input, "{\"adjustments\":{\"saturation\":-100}}", "{\"format\":\"png\"}", 100,
                100);
        BufferedImage flat = edit(input, "{\"adjustments\":{\"contrast\":-100}}", "{\"format\":\"png\"}", 100, 100);
        BufferedImage hdr = edit(input, "{\"adjustments\":{\"hdr\":100}}", "{\"format\":\"png\"}", 100, 100);
        BufferedImage sharp = edit(upload(halves(100, 100, Color.DARK_GRAY, Color.LIGHT_GRAY), "b.png"),
                "{\"adjustments\":{\"sharpness\":100}}", "{\"format\":\"png\"}", 100, 100);

        assertThat(colour(brighter, 10, 50).getRed()).isGreaterThan(120);
        Color g = colour(grey, 10, 50);
        assertThat(g.getRed()).isEqualTo(g.getGreen()).isEqualTo(g.getBlue());
        assertThat(colour(flat, 10, 50)).isEqualTo(new Color(128, 128, 128));
        assertThat(colour(hdr, 90, 50).getRed()).as("shadows lifted").isGreaterThan(30);
        assertThat(colour(sharp, 49, 50).getRed()).as("an overshoot at the edge")
                .isLessThan(Color.DARK_GRAY.getRed());
    }

    @Test
    void upscalingResamplesSmoothly() {
        BufferedImage out = edit(upload(halves(8, 8, Color.BLACK, Color.WHITE), "tiny.png"),
                "{\"restorations\":{\"upscale\":\"smart_enhance\"},\"resizing\":{\"width\":\"800%\"}}",
                "{\"format\":\"png\"}", 64, 64);
        assertThat(distinctColours(out)).as("interpolated values between black and white").isGreaterThan(2);
    }

    @Test
    void differentUrlsGiveDifferentPicturesAndTheSameUrlTheSameOne() {
        SourceImage a = SourceImage.standIn(new MediaInfo(320, 240, MediaFormat.JPEG), "https://example.com/a.jpg");
        SourceImage b = SourceImage.standIn(new MediaInfo(320, 240, MediaFormat.JPEG), "https://example.com/b.jpg");
        SourceImage again = SourceImage.standIn(new MediaInfo(320, 240, MediaFormat.JPEG),
                "https://example.com/a.jpg");

        byte[] first = ImageEdits.render(a, null, null).bytes();
        assertThat(ImageEdits.render(again, null, null).bytes()).isEqualTo(first);
        assertThat(ImageEdits.render(b, null, null).bytes()).isNotEqualTo(first);
        assertThat(meanDifference(decode(first), decode(ImageEdits.render(b, null, null).bytes())))
                .as("visibly different").isGreaterThan(10);
    }

    @Test
    void unreadableUploadsAreStandInsSeededByTheirContent() {
        SourceImage one = UploadedImages.upload(part("x.jpg", new byte[] { 1, 2, 3 }), DEFAULT_SIZE);
        SourceImage two = UploadedImages.upload(part("x.jpg", new byte[] { 1, 2, 4 }), DEFAULT_SIZE);

        assertThat(one.info()).isEqualTo(new MediaInfo(320, 240, MediaFormat.JPEG));
        assertThat(meanDifference(one.pixels(), two.pixels())).isGreaterThan(10);
    }

    @Test
    void outputFormatsAndTheirOptions() throws IOException {
        SourceImage input = upload(product(300, 200), "p.png");

        byte[] low = ImageEdits.render(input, null, json("{\"format\":{\"type\":\"jpeg\",\"quality\":10}}")).bytes();
        byte[] high = ImageEdits.render(input, null, json("{\"format\":{\"type\":\"jpeg\",\"quality\":95}}")).bytes();
        assertThat(low.length).isLessThan(high.length);
        assertThat(formatOf(low)).isEqualTo("jpeg");

        GeneratedMedia webp = ImageEdits.render(input, null, json("{\"format\":\"webp\"}"));
        assertThat(webp.info().format()).isEqualTo(MediaFormat.WEBP);
        assertThat(new String(webp.bytes(), 0, 4, StandardCharsets.US_ASCII)
                + new String(webp.bytes(), 8, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFFWEBP");
        assertThat(ImageIO.read(new ByteArrayInputStream(webp.bytes())).getWidth()).isEqualTo(300);
        byte[] webpLow = ImageEdits.render(input, null,
                json("{\"format\":{\"type\":\"webp\",\"compression\":{\"type\":\"lossy\",\"quality\":5}}}")).bytes();
        byte[] webpLossless = ImageEdits.render(input, null,
                json("{\"format\":{\"type\":\"webp\",\"compression\":\"lossless\"}}")).bytes();
        assertThat(webpLow.length).isLessThan(webp.bytes().length);
        // lossless gives back the very pixels the PNG output has
        BufferedImage exact = ImageIO.read(new ByteArrayInputStream(webpLossless));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(
                ImageEdits.render(input, null, json("{\"format\":\"png\"}")).bytes()));
        for (int y = 0; y < png.getHeight(); y += 7) {
            for (int x = 0; x < png.getWidth(); x += 7) {
                assertThat(exact.getRGB(x, y)).as("pixel %s,%s", x, y).isEqualTo(png.getRGB(x, y));
            }
        }
        assertThat(webp.servedMime()).isEqualTo("image/webp");

        GeneratedMedia tiff = ImageEdits.render(input, null,
                json("{\"format\":{\"type\":\"tiff\",\"compression\":\"lossy\"}}"));
        assertThat(formatOf(tiff.bytes())).isEqualTo("tif");

        for (String format : List.of("png", "jpeg", "tiff")) {
            byte[] dpi = ImageEdits.render(input, null,
                    json("{\"format\":\"" + format + "\",\"metadata\":{\"dpi\":300}}")).bytes();
            assertThat(horizontalPixelSizeMillimetres(dpi)).as(format)
                    .isCloseTo(25.4 / 300, org.assertj.core.data.Offset.offset(0.001));
        }
    }

    @Test
    void generationsDrawTheirPromptAndInputs() {
        PixelSize size = new PixelSize(256, 256);
        BufferedImage cat = StandInPictures.generated(size, "a cat on a sofa", 0);
        BufferedImage dog = StandInPictures.generated(size, "a dog in a park", 0);
        assertThat(meanDifference(cat, dog)).isGreaterThan(5);

        BufferedImage composed = StandInPictures.composed(size, List.of(halves(100, 100, Color.RED, Color.RED)),
                "on a beach", 0);
        assertThat(colour(composed, 128, 128)).as("the input, placed in the middle").isEqualTo(Color.RED);
    }

    // --- helpers ---

    /** Renders and decodes, checking that the reported size and format describe the bytes. */
    private static BufferedImage edit(SourceImage input, String operations, String output, int width, int height) {
        GeneratedMedia media = ImageEdits.render(input, json(operations), json(output));
        assertThat(media.info().width()).isEqualTo(width);
        assertThat(media.info().height()).isEqualTo(height);
        BufferedImage image = decode(media.bytes());
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        return image;
    }

    /** An upload of {@code image} as PNG bytes (lossless, so colours can be compared exactly). */
    private static SourceImage upload(BufferedImage image, String fileName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return UploadedImages.upload(part(fileName, out.toByteArray()), DEFAULT_SIZE);
    }

    private static MultipartFormData.Part part(String fileName, byte[] content) {
        return new MultipartFormData.Part("file", fileName, null, ByteBuffer.wrap(content));
    }

    private static JsonNode json(String text) {
        try {
            return Json.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image).as("decodable").isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String formatOf(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            return readers.next().getFormatName().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static double horizontalPixelSizeMillimetres(byte[] png) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_1.0");
            IIOMetadataNode size = (IIOMetadataNode) root.getElementsByTagName("HorizontalPixelSize").item(0);
            return Double.parseDouble(size.getAttribute("value"));
        }
    }

    /** Left half one colour, right half another. */
    private static BufferedImage halves(int width, int height, Color left, Color right) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        fill(image, 0, 0, width / 2, height, left);
        fill(image, width / 2, 0, width - width / 2, height, right);
        return image;
    }

    /** A dark red box on a light, slightly graduated backdrop. */
    private static BufferedImage product(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            int v = 250 - y * 20 / height;
            fill(image, 0, y, width, 1, new Color(v, v, v));
        }
        fill(image, width / 4, height / 4, width / 2, height / 2, new Color(0x8B0000));
        return image;
    }

    private static boolean near(Color a, Color b, int tolerance) {
        return Math.abs(a.getRed() - b.getRed()) <= tolerance && Math.abs(a.getGreen() - b.getGreen()) <= tolerance
                && Math.abs(a.getBlue() - b.getBlue()) <= tolerance;
    }

    private static long distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    /** The mean absolute difference per channel, 0..255. */
    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs((p >> 16 & 0xff) - (q >> 16 & 0xff)) + Math.abs((p >> 8 & 0xff) - (q >> 8 & 0xff))
                        + Math.abs((p & 0xff) - (q & 0xff));
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
