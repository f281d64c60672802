package io.github.camelclaid.testserver;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * AVIF through libavif's command-line tools ({@code avifenc}, {@code avifdec}; Debian's {@code libavif-bin}), where
 * they are installed: no Java library on Java 17 encodes AVIF. Without them, outputs Claid would produce in AVIF are
 * served as PNG ({@link MediaFormat#servedAs()}), and AVIF inputs cannot be read.
 */
final class AvifTool {

    private static final Optional<Path> ENCODER = onPath("avifenc");
    private static final Optional<Path> DECODER = onPath("avifdec");
    private static final long PATIENCE_SECONDS = 60;

    private AvifTool() {
    }

    /** Whether AVIF outputs are real AVIF here. */
    static boolean canEncode() {
        return ENCODER.isPresent();
    }

    /** Whether {@code bytes} are an AVIF file: an ISO-BMFF {@code ftyp} box of brand {@code avif} or {@code avis}. */
    static boolean isAvif(byte[] bytes) {
        if (bytes == null || bytes.length < 12) {
            return false;
        }
        String box = new String(bytes, 4, 8, StandardCharsets.ISO_8859_1);
        return box.equals("ftypavif") || box.equals("ftypavis");
    }

    /**
     * Encodes a PNG's pixels as AVIF: lossless, or lossy at {@code quality} (1-100, mapped onto libavif's quantizer
     * range, where 0 is lossless and 63 the coarsest), at the encoder's fastest speed.
     */
    static byte[] encode(byte[] png, int quality, boolean lossless) {
        Path encoder = ENCODER.orElseThrow(() -> new IllegalStateException("avifenc is not installed"));
        try {
            return convert(png, ".png", ".avif", (in, out) -> {
                List<String> command = new ArrayList<>(List.of(encoder.toString(), "--speed", "10"));
                if (lossless) {
                    command.add("--lossless");
                } else {
                    String quantizer = Integer.toString(Math.round((100 - quality) * 63 / 99f));
                    command.addAll(List.of("--min", quantizer, "--max", quantizer));
                }
                command.addAll(List.of(in.toString(), out.toString()));
                return command;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode an AVIF image with " + encoder, e);
        }
    }

    /** An AVIF file's pixels as PNG bytes, for the JDK to read; empty without avifdec or when it cannot. */
    static Optional<byte[]> toPng(byte[] avif) {
        if (DECODER.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(convert(avif, ".avif", ".png",
                    (in, out) -> List.of(DECODER.get().toString(), in.toString(), out.toString())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Runs a libavif tool from one temporary file to another; {@code command} is given their paths. */
    private static byte[] convert(byte[] input, String inSuffix, String outSuffix,
            BiFunction<Path, Path, List<String>> command) throws IOException {
        Path in = null;
        Path out = null;
        try {
            in = Files.createTempFile("local-claid-", inSuffix);
            out = Files.createTempFile("local-claid-", outSuffix);
            Files.write(in, input);
            run(command.apply(in, out));
            return Files.readAllBytes(out);
        } finally {
            delete(in);
            delete(out);
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            // read what it says, so that a full pipe cannot stop it; it is only wanted when it fails
            byte[] said = process.getInputStream().readAllBytes();
            if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + PATIENCE_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(command.get(0) + " failed (exit " + process.exitValue() + "): "
                        + new String(said, StandardCharsets.UTF_8).trim());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + command.get(0) + " ran", e);
        }
    }

    private static Optional<Path> onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
