package io.github.camelclaid.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelclaid.testserver.LocalClaidServer;
import org.apache.camel.main.Main;

/**
 * The README's first command: runs {@code routes/*.yaml} on Camel Main over a folder of sample images it makes itself.
 * With no {@code CLAID_API_KEY} it starts the local Claid-compatible server and works offline; with one it calls the
 * real Claid API.
 */
public final class Demo {

    static final int SAMPLES = 5;
    static final String DEFAULT_OPERATIONS = "{\"resizing\":{\"width\":800},\"adjustments\":{\"sharpness\":30}}";
    static final String DEFAULT_OUTPUT = "{\"format\":\"png\"}";

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        boolean exitWhenDone = Boolean.getBoolean("demo.exitWhenDone");
        Path work = Path.of("target", "demo").toAbsolutePath();
        Path in = work.resolve("in");
        Path out = work.resolve("out");
        deleteRecursively(work);
        List<Path> samples = SampleImages.write(in, SAMPLES);
        Files.createDirectories(out);

        String apiKey = System.getenv("CLAID_API_KEY");
        LocalClaidServer local = null;
        String baseUrl;
        if (apiKey == null || apiKey.isBlank()) {
            local = LocalClaidServer.builder().apiKey("demo-key").build().start();
            apiKey = local.apiKey();
            baseUrl = local.baseUrl();
            System.out.println("No CLAID_API_KEY set: using the local Claid-compatible server at " + baseUrl);
        } else {
            baseUrl = envOr("CLAID_BASE_URL", "https://api.claid.ai");
            System.out.println("Using the Claid API at " + baseUrl);
        }
        System.out.println("Watching " + in + " (" + samples.size() + " samples written); results go to " + out);

        // the route's progress lines; the test logging configuration keeps everything else quiet
        org.apache.logging.log4j.core.config.Configurator.setLevel("claid-edit-folder",
                org.apache.logging.log4j.Level.INFO);
        Main main = new Main();
        main.addInitialProperty("camel.main.name", "claid-demo");
        main.addInitialProperty("camel.main.routes-include-pattern", "file:routes/*.yaml");
        main.addInitialProperty("claid.api-key", apiKey);
        main.addInitialProperty("claid.base-url", baseUrl);
        // kept in files: JSON inside a URI with placeholders trips Camel's placeholder parser on "}}"
        main.addInitialProperty("claid.operations", "resource:file:" + Files.writeString(work.resolve("operations.json"),
                envOr("CLAID_OPERATIONS", DEFAULT_OPERATIONS)));
        main.addInitialProperty("claid.output", "resource:file:" + Files.writeString(work.resolve("output.json"),
                envOr("CLAID_OUTPUT", DEFAULT_OUTPUT)));
        main.addInitialProperty("demo.input-dir", in.toString());
        main.addInitialProperty("demo.output-dir", out.toString());
        if (exitWhenDone) {
            main.addInitialProperty("camel.main.duration-max-messages", Integer.toString(samples.size()));
            main.addInitialProperty("camel.main.duration-max-seconds", "300");
        }
        try {
            main.run();
        } finally {
            if (local != null) {
                local.close();
            }
        }

        List<Path> results = list(out);
        List<Path> failed = list(in.resolve(".failed"));
        System.out.println();
        System.out.println("Processed " + samples.size() + " samples: " + results.size() + " results in " + out
                + (failed.isEmpty() ? "" : ", " + failed.size() + " failed (in " + in.resolve(".failed") + ")"));
        for (Path result : results) {
            System.out.println("  " + result.getFileName() + " (" + Files.size(result) + " bytes)");
        }
        if (exitWhenDone && (results.size() != samples.size() || !failed.isEmpty())) {
            System.exit(1);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
