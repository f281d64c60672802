package io.github.camelclaid.testserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelclaid.s3.LocalS3Server;

/**
 * The command line: in process (settings to running servers, the banner) and as a user runs it, in a JVM of its own
 * stopped as Ctrl+C stops it.
 */
class LocalServersIT {

    private static final String BANNER_END = "Stop with Ctrl+C.";
    private static final Pattern BASE_URL = Pattern.compile("Claid-compatible API at (http://127\\.0\\.0\\.1:\\d+)/v1/");

    @Test
    void commandLineAndEnvironmentConfigureTheServer() {
        assertEquals(LocalClaidServer.DEFAULT_API_KEY,
                LaunchSettings.parse(new String[0], Map.of()).claid().build().apiKey());
        Map<String, String> env = Map.of(LaunchOption.PORT.variable(), "0", LaunchOption.API_KEY.variable(),
                "demo-key", LaunchOption.WEBHOOK_URL.variable(), "http://127.0.0.1:9/hook");
        try (LocalServers servers = LocalServers.start(LaunchSettings.parse(new String[0], env))) {
            LocalClaidServer claid = servers.claid();
            assertEquals("demo-key", claid.apiKey());
            assertEquals(200, new TestHttp(claid).get("/v1/storage/storage-types").statusCode());
            assertThat(servers.s3()).isEmpty();
            assertThat(servers.banner())
                    .startsWith("LocalServers: Claid-compatible API at " + claid.baseUrl() + "/v1/")
                    .contains("API key      demo-key")
                    .contains("webhooks     on: finished tasks are POSTed to http://127.0.0.1:9/hook, unsigned")
                    .contains("CLAID_BASE_URL=" + claid.baseUrl() + " CLAID_API_KEY=demo-key")
                    .contains("s3 storages are names only")
                    .endsWith("Stop with Ctrl+C.\n");
        }
        assertThrows(IllegalArgumentException.class,
                () -> LaunchSettings.parse(new String[] { "--port", "eighty" }, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> LaunchSettings.parse(new String[] { "--port", "70000" }, Map.of()));
    }

    @Test
    void startS3StartsAnS3ServerWithTheStoragesBucketsBehindTheStorages(@TempDir Path work) {
        String[] args = { "--port", "0", "--start-s3", "--s3-work-dir", work.toString(), "--storage",
                "incoming=claid-incoming", "--storage", "processed=claid-processed/results/" };
        LocalS3Server s3;
        try (LocalServers servers = LocalServers.start(LaunchSettings.parse(args, Map.of()))) {
            s3 = servers.s3().orElseThrow();
            s3.put("claid-incoming", "chair.jpg", SampleImages.jpeg(90, 60, 1));

            JsonNode data = new TestHttp(servers.claid()).postData("/v1/image/edit",
                    "{\"input\":\"storage://incoming/chair.jpg\",\"operations\":{},"
                            + "\"output\":\"storage://processed/edited/\"}");

            assertEquals(90, data.at("/input/width").asInt());
            assertThat(s3.keys("claid-processed", "results/")).containsExactly("results/edited/chair.jpeg");
            assertThat(s3.logFile()).startsWith(work);
            assertThat(servers.banner())
                    .contains("S3           LocalS3Server at " + s3.endpoint())
                    .contains("storage      storage://processed/ = bucket claid-processed, key prefix results/")
                    .contains("aws2-s3      camel.component.aws2-s3.uri-endpoint-override=" + s3.endpoint());
        }
        assertThatThrownBy(s3::endpoint).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void runsUntilStoppedAndStopsCleanlyWithTheS3ServerItStarted(@TempDir Path work) throws Exception {
        Path output = work.resolve("output.txt");
        Process process = launch(output, "--port", "0", "--start-s3", "--s3-work-dir", work.toString());
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive() || read(output).contains(BANNER_END));
            Matcher baseUrl = BASE_URL.matcher(read(output));
            assertThat(baseUrl.find()).as("the banner: %s", read(output)).isTrue();
            List<ProcessHandle> s3Proxy = process.descendants().toList();
            assertThat(s3Proxy).as("the S3Proxy JVM").isNotEmpty();

            HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create(baseUrl.group(1) + "/v1/storage/storage-types"))
                    .header("Authorization", "Bearer " + LocalClaidServer.DEFAULT_API_KEY).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(200, answer.statusCode());

            // SIGTERM runs the shutdown hooks, as Ctrl+C (SIGINT) does
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
            assertThat(s3Proxy).noneMatch(ProcessHandle::isAlive);
            assertThat(read(output)).doesNotContain("Exception");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aWrongCommandLineExitsWithTwoNamingTheOption(@TempDir Path work) throws Exception {
        Path output = work.resolve("output.txt");
        Process process = launch(output, "--port", "8089", "--prot", "80");

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertEquals(2, process.exitValue());
        assertThat(read(output)).isEqualTo("LocalServers: Unknown option --prot; --help lists the options\n");
    }

    /** {@link LocalServers} in a JVM of its own with this test's classpath, standard output and error to the file. */
    private static Process launch(Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), LocalServers.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
