package io.github.camelclaid.testserver;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Encodes pixels in the served form of an output's format, with the options the ImageIO writers support. */
final class ImageEncoder {

    private static final String STANDARD_METADATA = "javax_imageio_1.0";
    private static final String PNG_METADATA = "javax_imageio_png_1.0";
    private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";

    private ImageEncoder() {
    }

    /**
     * Encodes {@code image}. Formats without alpha (JPEG, BMP, GIF, lossy TIFF) get it flattened onto
     * {@code matte}; an image whose alpha is opaque everywhere is written without an alpha channel.
     */
    static byte[] encode(BufferedImage image, OutputEncoding encoding, Color matte) {
        MediaFormat served = encoding.format().servedAs();
        BufferedImage pixels = encoding.keepsAlpha() && hasTransparency(image) ? image : opaque(image, matte);
        if (served == MediaFormat.AVIF) {
            // avifenc reads PNG: the pixels as they are, quickly compressed, then its own encoding
            byte[] png = write(pixels, MediaFormat.PNG, new OutputEncoding(MediaFormat.PNG, 100, false,
                    OutputEncoding.PngEffort.FAST, false, null));
            return AvifTool.encode(png, encoding.quality(), !encoding.lossy());
        }
        return write(pixels, served, encoding);
    }

    /** Writes pixels ready for the format (alpha kept or flattened) with the format's ImageIO writer. */
    private static byte[] write(BufferedImage pixels, MediaFormat served, OutputEncoding encoding) {
        if (served.imageIoName() == null) {
            throw new IllegalArgumentException(encoding.format() + " is not an image format");
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(served.imageIoName());
        if (!writers.hasNext()) {
            throw new IllegalStateException("This Java runtime has no ImageIO writer for " + served.imageIoName());
        }
        ImageWriter writer = writers.next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        configure(param, served, encoding);
        IIOMetadata metadata = encoding.dpi() == null ? null : density(writer, pixels, param, encoding.dpi());
        // an explicit in-memory stream: ImageIO.write would use ImageIO's file cache in java.io.tmpdir
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(pixels, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode a " + served.imageIoName() + " image", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static void configure(ImageWriteParam param, MediaFormat served, OutputEncoding encoding) {
        switch (served) {
            case JPEG:
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(encoding.quality() / 100f);
                param.setProgressiveMode(encoding.progressive() ? ImageWriteParam.MODE_DEFAULT
                        : ImageWriteParam.MODE_DISABLED);
                break;
            case PNG:
                if (param.canWriteCompressed()) {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(encoding.pngEffort().writerQuality);
                }
                break;
            case TIFF:
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(encoding.lossy() ? "JPEG" : "LZW");
                if (encoding.lossy()) {
                    param.setCompressionQuality(encoding.quality() / 100f);
                }
                break;
            case WEBP:
                // libwebp's two modes, as Claid names them; quality matters to the lossy one only
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(encoding.lossy() ? "Lossy" : "Lossless");
                if (encoding.lossy()) {
                    param.setCompressionQuality(encoding.quality() / 100f);
                }
                break;
            default:
                break;
        }
    }

    /**
     * The writer's default metadata with a density of {@code dpi}; null (none) when the writer refuses it. PNG and JPEG
     * get their native fields (pHYs; the JFIF density): the JDK's PNG metadata inverts the standard tree's pixel size.
     */
    private static IIOMetadata density(ImageWriter writer, BufferedImage image, ImageWriteParam param, int dpi) {
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        if (metadata == null || metadata.isReadOnly()) {
            return null;
        }
        try {
            String format = metadata.getNativeMetadataFormatName();
            if (PNG_METADATA.equals(format)) {
                IIOMetadataNode pixelsPerMetre = new IIOMetadataNode("pHYs");
                String perMetre = Long.toString(Math.round(dpi / 0.0254));
                pixelsPerMetre.setAttribute("pixelsPerUnitXAxis", perMetre);
                pixelsPerMetre.setAttribute("pixelsPerUnitYAxis", perMetre);
                pixelsPerMetre.setAttribute("unitSpecifier", "meter");
                IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA);
                root.appendChild(pixelsPerMetre);
                metadata.mergeTree(PNG_METADATA, root);
            } else if (JPEG_METADATA.equals(format)) {
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(JPEG_METADATA);
                IIOMetadataNode jfif = (IIOMetadataNode) root.getElementsByTagName("app0JFIF").item(0);
                if (jfif == null) {
                    return null;
                }
                jfif.setAttribute("resUnits", "1");
                jfif.setAttribute("Xdensity", Integer.toString(dpi));
                jfif.setAttribute("Ydensity", Integer.toString(dpi));
                metadata.setFromTree(JPEG_METADATA, root);
            } else if (metadata.isStandardMetadataFormatSupported()) {
                String millimetresPerPixel = Double.toString(25.4 / dpi);
                IIOMetadataNode horizontal = new IIOMetadataNode("HorizontalPixelSize");
                horizontal.setAttribute("value", millimetresPerPixel);
                IIOMetadataNode vertical = new IIOMetadataNode("VerticalPixelSize");
                vertical.setAttribute("value", millimetresPerPixel);
                IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
                dimension.appendChild(horizontal);
                dimension.appendChild(vertical);
                IIOMetadataNode root = new IIOMetadataNode(STANDARD_METADATA);
                root.appendChild(dimension);
                metadata.mergeTree(STANDARD_METADATA, root);
            } else {
                return null;
            }
            return metadata;
        } catch (IIOInvalidTreeException | RuntimeException e) {
            return null;
        }
    }

    private static boolean hasTransparency(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return false;
        }
        int width = image.getWidth();
        int[] row = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int argb : row) {
                if (argb >>> 24 != 0xff) {
                    return true;
                }
            }
        }
        return false;
    }

    private static BufferedImage opaque(BufferedImage image, Color matte) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage flat = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = flat.createGraphics();
        try {
            g.setColor(matte);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return flat;
    }
}
