package io.github.camelclaid.testserver;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.BitSet;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The pixel work of an edit, in Claid's order: restorations, then resizing (crop or fit), background, adjustments,
 * then padding. What is real and what stands in for a model:
 * <ul>
 * <li>{@code resizing}: real scaling, cropping and placing ({@link ResizeLayout}); {@code crop: smart} keeps the
 * region of most edge energy ({@link SmartCrop}); {@code outpaint} fills the added space with a strong blur of the
 * picture stretched over it, a stand-in for generated content.</li>
 * <li>{@code restorations.upscale}: bicubic, quality resampling ({@link Resampling}) instead of a network;
 * {@code decompress} is a light box blur (one pass, two for {@code strong}); {@code polish} does nothing.</li>
 * <li>{@code background.remove}: the backdrop found from the border colour ({@link BackgroundMask}) becomes
 * transparent in PNG, WebP, AVIF and lossless TIFF, or takes {@code background.color} (white by
 * default) in formats without alpha. {@code clipping}, {@code selective} and {@code category} are ignored.</li>
 * <li>{@code background.blur}: the same backdrop blurred (box blur, radius 1%, 2% or 4% of the shorter side for
 * {@code low}, {@code medium}, {@code high}), the object kept sharp.</li>
 * <li>{@code background.color}: fills canvas, padding and transparent areas; {@code transparent} keeps them clear
 * where the format has alpha. Without it they are transparent when the input has alpha or its background was removed
 * (and the format has alpha), else white, as Claid documents.</li>
 * <li>{@code adjustments}: plain tone and colour operations ({@link Adjustments}).</li>
 * <li>{@code padding}: {@link Padding}.</li>
 * </ul>
 * Operations outside these ({@code privacy}, {@code generative}) leave the pixels as they are.
 */
final class EditRecipe {

    private static final Color WHITE = Color.WHITE;
    private static final Color CLEAR = new Color(0, 0, 0, 0);

    private final ResizeLayout layout;
    private final OutputEncoding encoding;
    private final boolean upscaleModel;
    private final int decompressPasses;
    private final boolean removeBackground;
    private final String blurLevel;
    private final Color color;
    private final boolean transparentColour;
    private final Adjustments adjustments;
    private final Padding padding;

    private EditRecipe(ResizeLayout layout, OutputEncoding encoding, boolean upscaleModel, int decompressPasses,
                       boolean removeBackground, String blurLevel, Color color, boolean transparentColour,
                       Adjustments adjustments, Padding padding) {
        this.layout = layout;
        this.encoding = encoding;
        this.upscaleModel = upscaleModel;
        this.decompressPasses = decompressPasses;
        this.removeBackground = removeBackground;
        this.blurLevel = blurLevel;
        this.color = color;
        this.transparentColour = transparentColour;
        this.adjustments = adjustments;
        this.padding = padding;
    }

    static EditRecipe from(JsonNode operations, ResizeLayout layout, OutputEncoding encoding) {
        JsonNode ops = operations == null ? Json.object() : operations;
        JsonNode restorations = ops.path("restorations");
        JsonNode upscale = restorations.get("upscale");
        String decompress = Json.text(restorations, "decompress");
        int decompressPasses = decompress == null ? 0 : "strong".equals(decompress) ? 2 : 1;
        JsonNode background = ops.path("background");
        JsonNode remove = background.get("remove");
        boolean removing = remove != null && (remove.isObject() || remove.asBoolean(false));
        JsonNode blur = background.get("blur");
        String blurLevel = blur == null || !(blur.isObject() || blur.asBoolean(false)) ? null
                : blur.isObject() && Json.text(blur, "level") != null ? Json.text(blur, "level") : "medium";
        String colourText = Json.text(background, "color");
        boolean transparent = "transparent".equalsIgnoreCase(colourText);
        return new EditRecipe(layout, encoding, upscale != null && !upscale.isNull(), decompressPasses, removing,
                blurLevel, transparent ? null : colour(colourText), transparent,
                Adjustments.from(ops.get("adjustments")), Padding.parse(Json.text(ops, "padding")));
    }

    /** The colour formats without alpha are flattened onto: the background colour, else white. */
    Color matte() {
        return color == null ? WHITE : color;
    }

    BufferedImage apply(BufferedImage source) {
        boolean inputHasAlpha = source.getColorModel().hasAlpha();
        BufferedImage content = placedContent(source);
        if (decompressPasses > 0) {
            content = Blurs.box(content, 1, decompressPasses);
        }
        BitSet backdrop = removeBackground || blurLevel != null ? BackgroundMask.of(content) : null;
        if (blurLevel != null) {
            int radius = Math.max(1, Math.min(content.getWidth(), content.getHeight()) * blurPercent() / 100);
            content = Blurs.composite(content, Blurs.box(content, radius, 3), backdrop);
        }
        if (adjustments != null) {
            content = adjustments.apply(content);
        }
        if (removeBackground) {
            content = ImageDecoder.ofType(content, BufferedImage.TYPE_INT_ARGB);
            BackgroundMask.clear(content, backdrop);
        }
        Color fill = fill(inputHasAlpha);
        BufferedImage canvas = onCanvas(content, fill);
        return padding == null ? canvas : padded(canvas, fill);
    }

    /**
     * The input scaled for the layout: for a crop, the kept window of the input (centred, or by edge energy) scaled
     * to exactly the canvas, so that only what is kept is ever scaled up.
     */
    private BufferedImage placedContent(BufferedImage source) {
        if (!layout.crops()) {
            return Resampling.scale(source, layout.scaled(), upscaleModel);
        }
        double keepX = (double) layout.canvas().width() / layout.scaled().width();
        double keepY = (double) layout.canvas().height() / layout.scaled().height();
        PixelSize window = new PixelSize(
                (int) Math.max(1, Math.min(source.getWidth(), Math.round(source.getWidth() * keepX))),
                (int) Math.max(1, Math.min(source.getHeight(), Math.round(source.getHeight() * keepY))));
        int[] start = layout.smartCrop() ? SmartCrop.windowStart(source, window)
                : new int[] { (source.getWidth() - window.width()) / 2, (source.getHeight() - window.height()) / 2 };
        BufferedImage kept = source.getSubimage(start[0], start[1], window.width(), window.height());
        return Resampling.scale(kept, layout.canvas(), upscaleModel);
    }

    private BufferedImage onCanvas(BufferedImage content, Color fill) {
        PixelSize size = layout.canvas();
        if (content.getWidth() == size.width() && content.getHeight() == size.height()
                && fill.getAlpha() == 0) {
            return content;
        }
        BufferedImage canvas = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.setColor(fill);
            g.fillRect(0, 0, size.width(), size.height());
            g.setComposite(AlphaComposite.SrcOver);
            if (layout.fit() == ResizeLayout.Fit.OUTPAINT) {
                BufferedImage stretched = Resampling.scale(content, size, false);
                g.drawImage(Blurs.box(stretched, Math.max(1, Math.min(size.width(), size.height()) / 20), 3),
                        0, 0, null);
            }
            int x = layout.crops() ? 0 : layout.x();
            int y = layout.crops() ? 0 : layout.y();
            g.drawImage(content, x, y, null);
        } finally {
            g.dispose();
        }
        return canvas;
    }

    /** The picture shrunk into the padded box, centred, keeping its aspect ratio; the rest takes the fill. */
    private BufferedImage padded(BufferedImage canvas, Color fill) {
        int width = canvas.getWidth();
        int height = canvas.getHeight();
        int boxWidth = Math.max(1, width - 2 * padding.left(width));
        int boxHeight = Math.max(1, height - 2 * padding.top(height));
        double scale = Math.min((double) boxWidth / width, (double) boxHeight / height);
        PixelSize inner = new PixelSize((int) Math.max(1, Math.round(width * scale)),
                (int) Math.max(1, Math.round(height * scale)));
        BufferedImage shrunk = Resampling.scale(canvas, inner, upscaleModel);
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = result.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.setColor(fill);
            g.fillRect(0, 0, width, height);
            g.setComposite(AlphaComposite.SrcOver);
            g.drawImage(shrunk, (width - inner.width()) / 2, (height - inner.height()) / 2, null);
        } finally {
            g.dispose();
        }
        return result;
    }

    private Color fill(boolean inputHasAlpha) {
        if (color != null) {
            return color;
        }
        boolean clear = transparentColour || removeBackground || inputHasAlpha;
        return clear && encoding.keepsAlpha() ? CLEAR : WHITE;
    }

    private int blurPercent() {
        switch (blurLevel.toLowerCase(Locale.ROOT)) {
            case "low":
                return 1;
            case "high":
                return 4;
            default:
                return 2;
        }
    }


    /** {@code #rgb} or {@code #rrggbb}; null when absent or unreadable (then the default applies). */
    private static Color colour(String hex) {
        if (hex == null) {
            return null;
        }
        String digits = hex.startsWith("#") ? hex.substring(1) : hex;
        if (digits.length() == 3) {
            digits = "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1)
                    + digits.charAt(2) + digits.charAt(2);
        }
        if (!digits.matches("[0-9a-fA-F]{6}")) {
            return null;
        }
        return new Color(Integer.parseInt(digits, 16));
    }
}
