package io.github.camelclaid.component;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelclaid.client.model.TaskAccepted;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An output too large to keep in memory arrives in a temporary file, which lives exactly as long as some exchange can
 * still read it: a wireTap's copy reads it after the original exchange has ended, and no file is left behind, not
 * even when the report it was fetched for could not be made.
 */
class DownloadedBodyIT {

    static final String KEY = "downloaded-body-key-3f1a";
    /** Above the size the client keeps in memory (256 KiB), so each output is spooled to a file. */
    static final long OUTPUT_BYTES = 1024 * 1024;

    @RegisterExtension
    static LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder()
            .apiKey(KEY).outputSize(OUTPUT_BYTES).acceptedFor(Duration.ofMillis(20)).processingFor(Duration.ofMillis(40)));

    static String common() {
        return "apiKey=RAW(" + KEY + ")&baseUrl=" + claid.baseUrl() + "&taskPollInterval=20&taskPollMaxInterval=100";
    }

    @Test
    void aWireTapCopyReadsTheOutputAfterTheExchangeEndedAndTheLastReaderDeletesIt() throws Exception {
        CountDownLatch originalDone = new CountDownLatch(1);
        CompletableFuture<Integer> tapped = new CompletableFuture<>();
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:edit").to("claid:edit?" + common() + "&operations=RAW({})").wireTap("direct:tap");
                    from("direct:tap").process(e -> {
                        originalDone.await(30, TimeUnit.SECONDS);
                        tapped.complete(e.getMessage().getBody(byte[].class).length);
                    });
                }
            });
            camel.start();
            int before = spooled().size();

            Exchange done = camel.createProducerTemplate().request("direct:edit",
                    e -> e.getMessage().setBody("https://images.example.com/large.jpg"));
            assertThat(done.getException()).isNull();
            assertThat(spooled()).as("the tap still holds the output").hasSize(before + 1);
            originalDone.countDown();

            assertThat(tapped.get(30, TimeUnit.SECONDS)).isEqualTo((int) OUTPUT_BYTES);
            await().atMost(Duration.ofSeconds(10)).until(() -> spooled().size() == before);
        }
    }

    @Test
    void theOutputsOfAReportThatCouldNotBeMadeLeaveNoFile() throws Exception {
        List<Integer> delivered = new ArrayList<>();
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:batch").to("claid:editBatch?" + common() + "&operations=RAW({})");
                    // one attempt per download, so the fault below fails exactly one output of the first report
                    from("claid:tasks?" + common() + "&delay=20&splitOutputs=true&downloadOutput=true&maxAttempts=1")
                            .process(e -> {
                                synchronized (delivered) {
                                    delivered.add(e.getMessage().getBody(byte[].class).length);
                                }
                            });
                }
            });
            int before = spooled().size();
            claid.server().faults().next(1).status(500).on("GET", "/tmp/");
            camel.start();

            Exchange submitted = camel.createProducerTemplate().request("direct:batch", e -> e.getMessage().setBody(
                    List.of("https://images.example/1.jpg", "https://images.example/2.jpg",
                            "https://images.example/3.jpg")));
            assertThat(submitted.getMessage().getBody(TaskAccepted.class)).isNotNull();

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                synchronized (delivered) {
                    return delivered.size() == 3;
                }
            });
            assertThat(delivered).containsOnly((int) OUTPUT_BYTES);
            await().atMost(Duration.ofSeconds(10)).until(() -> spooled().size() == before);
        }
    }

    /** The client's spooled answers in the temporary directory (the component sets no other). */
    private static List<Path> spooled() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")),
                "claid-answer-*.part")) {
            dir.forEach(files::add);
        }
        return files;
    }
}
