package io.github.camelclaid.testserver;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;

import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.resizers.configurations.Antialiasing;
import net.coobird.thumbnailator.resizers.configurations.Rendering;
import net.coobird.thumbnailator.resizers.configurations.ScalingMode;

/**
 * Scales pixels with Thumbnailator: progressive bilinear steps by default (no aliasing when shrinking a lot); bicubic
 * at quality rendering when {@code restorations.upscale} asks for a model, the stand-in for Claid's upscaling networks.
 */
final class Resampling {

    private Resampling() {
    }

    /** {@code image} at exactly {@code size}, as {@code TYPE_INT_ARGB} (alpha kept). */
    static BufferedImage scale(BufferedImage image, PixelSize size, boolean upscaleModel) {
        try {
            return Thumbnails.of(image)
                    .forceSize(size.width(), size.height())
                    .imageType(BufferedImage.TYPE_INT_ARGB)
                    .scalingMode(upscaleModel ? ScalingMode.BICUBIC : ScalingMode.PROGRESSIVE_BILINEAR)
                    .rendering(upscaleModel ? Rendering.QUALITY : Rendering.DEFAULT)
                    .antialiasing(Antialiasing.ON)
                    .asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not scale the image to " + size, e);
        }
    }
}
