package io.github.camelclaid.examples.yaml;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The YAML routes and application.properties as they ship, run on Camel Main as {@code exec:java} runs them, with
 * the Claid address and the folders pointed at a local Claid server and a temp dir.
 */
class EditFolderTest {

    static final String API_KEY = "example-key";

    @RegisterExtension
    static LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder().apiKey(API_KEY));

    @TempDir
    Path work;

    Path in;
    Path out;
    Main main;

    @BeforeEach
    void startApp() {
        in = work.resolve("in");
        out = work.resolve("out");
        // reads classpath:application.properties, which names the routes, like the Main exec:java starts
        main = new Main();
        // what CLAID_API_KEY, CLAID_BASE_URL and EDIT_*_DIR would set
        main.addOverrideProperty("camel.component.claid.api-key", API_KEY);
        main.addOverrideProperty("camel.component.claid.base-url", claid.baseUrl());
        main.addOverrideProperty("edit.input-dir", in.toString());
        main.addOverrideProperty("edit.output-dir", out.toString());
        main.start();
    }

    @AfterEach
    void stopApp() {
        main.stop();
    }

    @Test
    void everyImageDroppedInIsEditedOnceAndWrittenUnderItsNameAsPng() throws Exception {
        drop("chair.jpg", 1600, 1200);
        drop("lamp.png", 1000, 1000);
        drop("table.jpg", 640, 480);

        await().atMost(Duration.ofSeconds(30)).until(() -> files(in.resolve(".done")).size() == 3);

        assertThat(files(out)).containsExactlyInAnyOrder("chair.png", "lamp.png", "table.png");
        // operations.json: 800 px wide, height in proportion
        BufferedImage chair = ImageIO.read(out.resolve("chair.png").toFile());
        assertThat(chair.getWidth()).isEqualTo(800);
        assertThat(chair.getHeight()).isEqualTo(600);
        assertThat(files(in.resolve(".failed"))).isEmpty();
        // each image uploaded, and paid for, once
        assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_UPLOAD)).isEqualTo(3);
    }

    @Test
    void anImageClaidRefusesIsMovedToFailedAndNothingIsWritten() throws Exception {
        claid.server().faults().next(1).status(422).on("POST", "/v1/image/edit/upload");
        drop("broken.jpg", 640, 480);

        await().atMost(Duration.ofSeconds(30)).until(() -> files(in.resolve(".failed")).size() == 1);

        assertThat(files(in.resolve(".failed"))).containsExactly("broken.jpg");
        assertThat(files(out)).isEmpty();
        // a 422 is not retried: Claid refused the request, and trying again would be refused again
        assertThat(claid.server().requestCount("POST", "/v1/image/edit/upload")).isEqualTo(1);
    }

    /** Written beside the input folder and moved in, as a finished copy would arrive. */
    private void drop(String name, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(name.hashCode()));
        g.fillRect(0, 0, width, height);
        g.dispose();
        Path file = work.resolve(name);
        ImageIO.write(image, name.endsWith(".png") ? "png" : "jpeg", file.toFile());
        Files.createDirectories(in);
        Files.move(file, in.resolve(name));
    }

    private static List<String> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
