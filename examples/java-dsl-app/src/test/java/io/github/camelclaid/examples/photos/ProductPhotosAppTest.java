package io.github.camelclaid.examples.photos;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.ledger.TaskLedger;
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

/** The application as it ships, with its Claid address and folders pointed at a local Claid server and a temp dir. */
class ProductPhotosAppTest {

    static final String API_KEY = "example-key";

    /** Tasks take about a tenth of a second here; Claid takes seconds to minutes. */
    @RegisterExtension
    static LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder()
            .apiKey(API_KEY).acceptedFor(Duration.ofMillis(20)).processingFor(Duration.ofMillis(100)));

    @TempDir
    Path work;

    Path inbox;
    Path outbox;
    Main main;

    @BeforeEach
    void startApp() throws Exception {
        inbox = work.resolve("inbox");
        outbox = work.resolve("outbox");
        main = ProductPhotosApp.newMain();
        // what CLAID_API_KEY, CLAID_BASE_URL and APP_* would set
        main.addOverrideProperty("camel.component.claid.api-key", API_KEY);
        main.addOverrideProperty("camel.component.claid.base-url", claid.baseUrl());
        main.addOverrideProperty("app.inbox", inbox.toString());
        main.addOverrideProperty("app.outbox", outbox.toString());
        main.addOverrideProperty("app.state-dir", work.resolve("state").toString());
        main.addOverrideProperty("camel.component.claid.task-poll-interval", "50ms");
        main.start();
    }

    @AfterEach
    void stopApp() {
        main.stop();
    }

    @Test
    void everyProductOfAFeedBecomesOneImageAndAFailedTaskBecomesANote() throws Exception {
        dropFeed("spring.csv", """
                sku,image_url
                SHOE-001,https://images.example.com/products/shoe-001.jpg
                BAG-042,https://images.example.com/products/bag-042.jpg
                LAMP-007,https://images.example.com/products/lamp-007.jpg
                MUG-013,https://images.example.com/products/mug-013-fail.jpg
                """);

        // the local server ends a task in ERROR when its input URL contains "fail"
        await().atMost(Duration.ofSeconds(30)).until(() -> files(outbox).size() == 3
                && files(outbox.resolve("failed")).size() == 1 && openTasks() == 0
                && files(inbox.resolve(".done")).size() == 1);

        assertThat(files(outbox)).containsExactlyInAnyOrder("BAG-042.png", "LAMP-007.png", "SHOE-001.png");
        BufferedImage shoe = ImageIO.read(outbox.resolve("SHOE-001.png").toFile());
        assertThat(shoe.getWidth()).isEqualTo(1200);
        assertThat(shoe.getHeight()).isEqualTo(1200);
        assertThat(Files.readString(outbox.resolve("failed").resolve("MUG-013.txt")))
                .startsWith("MUG-013 (spring.csv): Claid task ").contains("ended ERROR");
        assertThat(files(inbox.resolve(".done"))).containsExactly("spring.csv");

        // each product paid for once, and each result fetched (so written) once
        assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(4);
        assertThat(claid.server().requestCount("GET", "/tmp/")).isEqualTo(3);
    }

    @Test
    void aFeedDroppedAgainReusesItsTasksInsteadOfPayingTwice() throws Exception {
        String feed = """
                sku,image_url
                SHOE-001,https://images.example.com/products/shoe-001.jpg
                BAG-042,https://images.example.com/products/bag-042.jpg
                """;
        dropFeed("monday.csv", feed);
        await().atMost(Duration.ofSeconds(30)).until(() -> files(outbox).size() == 2 && openTasks() == 0);

        // as after a crash half-way through a feed: the same products come in again
        dropFeed("monday-again.csv", feed);
        await().atMost(Duration.ofSeconds(30)).until(() -> files(inbox.resolve(".done")).size() == 2);

        assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(2);
        assertThat(openTasks()).isZero();
        assertThat(claid.server().requestCount("GET", "/tmp/")).isEqualTo(2);
    }

    /** Written beside the inbox and moved in, so the file consumer never reads half a feed. */
    private void dropFeed(String name, String csv) throws IOException {
        Files.createDirectories(inbox);
        Path written = Files.writeString(work.resolve(name), csv);
        Files.move(written, inbox.resolve(name));
    }

    /** Tasks submitted and not yet reported by the results route. */
    private int openTasks() {
        return main.getCamelContext().getRegistry().lookupByNameAndType("claidTasks", TaskLedger.class).openCount();
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
