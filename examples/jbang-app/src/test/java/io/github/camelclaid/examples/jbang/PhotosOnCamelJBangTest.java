package io.github.camelclaid.examples.jbang;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camel run photos.camel.yaml application.properties --dep=io.github.camelclaid:camel-claid:...}, as a user types
 * it: Camel JBang's CLI in a JVM of its own, which fetches the component named by {@code --dep} (from the local Maven
 * repository, where {@code ./mvnw install} put it) and everything the YAML route needs, with the Claid address and the
 * folders given in the environment, as the README says.
 */
class PhotosOnCamelJBangTest {

    static final String API_KEY = "jbang-example-key-5b1e";
    static final Path APP = Path.of("").toAbsolutePath();

    @RegisterExtension
    static LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder().apiKey(API_KEY));

    @TempDir
    Path work;

    @Test
    void camelRunEditsEveryPhotoDroppedInOnceIntoAWhiteSquarePng() throws Exception {
        Path in = work.resolve("photos/in");
        Path out = work.resolve("photos/out");
        drop(in.resolve("chair.jpg"), 1600, 1200);
        drop(in.resolve("lamp.png"), 800, 1000);

        Path log = work.resolve("camel-run.log");
        ProcessBuilder run = new ProcessBuilder(List.of(javaCommand(), "-cp", camelCommandClasspath(),
                Camel.class.getName(), "run", APP.resolve("photos.camel.yaml").toString(),
                APP.resolve("application.properties").toString(),
                "--dep=io.github.camelclaid:camel-claid:" + System.getProperty("camel-claid.version"),
                // stops once both photos went through the route
                "--max-messages=2"))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = run.environment();
        environment.put("CLAID_API_KEY", API_KEY);
        environment.put("CLAID_BASE_URL", claid.baseUrl());
        environment.put("PHOTOS_INBOX", in.toString());
        environment.put("PHOTOS_OUTBOX", out.toString());
        Process camel = run.start();
        try {
            // the first run on a machine fetches Camel's YAML DSL and file component, and camel-claid's dependencies
            assertThat(camel.waitFor(5, TimeUnit.MINUTES)).as("camel run ended; its output is in %s", log).isTrue();
        } finally {
            camel.destroyForcibly();
        }

        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(files(out)).as(output).containsExactlyInAnyOrder("chair.png", "lamp.png");
        for (String name : List.of("chair.png", "lamp.png")) {
            BufferedImage edited = ImageIO.read(out.resolve(name).toFile());
            assertThat(edited.getWidth()).isEqualTo(1200);
            assertThat(edited.getHeight()).isEqualTo(1200);
        }
        assertThat(files(in.resolve(".done"))).containsExactlyInAnyOrder("chair.jpg", "lamp.png");
        assertThat(output).contains("done chair.png: 1200x1200", "done lamp.png: 1200x1200")
                .doesNotContain(API_KEY);
        // each photo uploaded, and paid for, once
        assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_UPLOAD)).isEqualTo(2);
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This project's classes (the Camel launcher) and its runtime dependencies: Camel JBang's CLI, nothing else. */
    private static String camelCommandClasspath() throws IOException {
        String dependencies = Files.readString(Path.of("target", "camel-command.classpath")).strip();
        return APP.resolve("target/classes") + File.pathSeparator + dependencies;
    }

    private static void drop(Path file, int width, int height) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ImageIO.write(image, file.toString().endsWith(".png") ? "png" : "jpg", file.toFile());
    }

    private static List<String> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(dir)) {
            return listed.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }
}
