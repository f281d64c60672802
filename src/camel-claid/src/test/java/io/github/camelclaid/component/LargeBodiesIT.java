package io.github.camelclaid.component;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.support.ChildJvm;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies far larger than the heap go through the component: an application in a JVM of 64 MB downloads a 200 MB
 * output with downloadOutput and uploads a 200 MB file with {@code claid:edit}. Held whole in memory, either would run
 * out of heap; streamed, both succeed. The local Claid server runs here, in the test's JVM.
 */
class LargeBodiesIT {

    private static final long SIZE = 200L * 1024 * 1024;
    private static final List<String> SMALL_HEAP = List.of("-Xmx64m");

    static LocalClaidServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = LocalClaidServer.builder().outputSize(SIZE).build().start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aDownloadLargerThanTheHeapIsStreamedToTheRoute() throws Exception {
        Path out = dir.resolve("output.bin");
        ChildJvm app = run("download", server.baseUrl(), Long.toString(SIZE + 1024), out.toString());

        String[] result = app.lastLine("RESULT ").split(" ");
        assertThat(Long.parseLong(result[1])).isEqualTo(SIZE);
        assertThat(result[2]).isEqualTo(sha256Of(URI.create(result[3])));
    }

    @Test
    void anUploadLargerThanTheHeapIsStreamedToClaid() throws Exception {
        Path image = dir.resolve("large.jpg");
        writeRandom(image, SIZE);

        ChildJvm app = run("upload", server.baseUrl(), image.toString());

        assertThat(app.lastLine("RESULT ")).isEqualTo("RESULT 100x75");
        assertThat(server.paidSubmissionCount(ApiOperation.EDIT_UPLOAD)).isEqualTo(1);
        RecordedRequest upload = server.requests().stream()
                .filter(r -> r.path().equals("/v1/image/edit/upload")).findFirst().orElseThrow();
        long sent = Long.parseLong(upload.header("Content-Length"));
        assertThat(sent).as("the whole file and the multipart framing").isBetween(SIZE, SIZE + 4096);
        byte[] head = upload.body();
        byte[] fileHead = new byte[1024];
        try (InputStream in = Files.newInputStream(image)) {
            in.readNBytes(fileHead, 0, fileHead.length);
        }
        assertThat(indexOf(head, fileHead)).as("the file's first bytes follow the part's headers").isPositive();
    }

    private ChildJvm run(String... args) throws Exception {
        ChildJvm app = ChildJvm.start("large-" + args[0], SMALL_HEAP, LargeBodiesApp.class, List.of(args),
                Map.of("CLAID_API_KEY", server.apiKey()), Duration.ofMinutes(3), line -> false);
        int exit = app.awaitExitCode();
        assertThat(exit).as("exit code; output:%n%s", app.output()).isZero();
        return app;
    }

    private static void writeRandom(Path file, long size) throws Exception {
        Random random = new Random(7);
        byte[] buffer = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= buffer.length) {
                random.nextBytes(buffer);
                out.write(buffer, 0, (int) Math.min(left, buffer.length));
            }
        }
    }

    private static String sha256Of(URI url) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        try (InputStream in = connection.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } finally {
            connection.disconnect();
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
