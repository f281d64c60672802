package io.github.camelclaid.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Component;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link LocalS3Server} against the real AWS SDK and Camel's {@code aws2-s3}: a route copying objects, signature
 * checking, storage across restarts, and that stopping leaves no process or port behind. One per-class server serves
 * the tests that need no restart; each start costs a JVM launch.
 */
class LocalS3ServerIT {

    @RegisterExtension
    static LocalS3ServerExtension s3 = new LocalS3ServerExtension();

    private static final Random RANDOM = new Random(7);

    @Test
    void anAws2S3RouteConfiguredFromCamelPropertiesCopiesObjectsByteForByte() throws Exception {
        LocalS3Server server = s3.server();
        String bucket = "route-copy";
        server.createBucket(bucket);
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        inputs.put("empty.bin", new byte[0]);
        inputs.put("small.png", randomBytes(1_500));
        inputs.put("larger.jpg", randomBytes(1_048_579));
        inputs.forEach((name, content) -> server.put(bucket, "in/" + name, content));

        Main main = new Main();
        server.camelProperties().forEach(main::addInitialProperty);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("aws2-s3://" + bucket + "?prefix=in/&delay=100").routeId("copy")
                        .setProperty("sourceKey", header(AWS2S3Constants.KEY))
                        .process(e -> e.getMessage().setHeader(AWS2S3Constants.KEY,
                                "out/" + e.getProperty("sourceKey", String.class).substring("in/".length())))
                        .to("aws2-s3://" + bucket)
                        // deleteAfterRead deletes the key this header names when the exchange completes: without
                        // this line the consumer would delete the copy and read the input again
                        .setHeader(AWS2S3Constants.KEY, exchangeProperty("sourceKey"));
            }
        });
        main.start();
        try {
            assertThat(main.getCamelContext().getComponent("aws2-s3", AWS2S3Component.class).getConfiguration()
                    .getUriEndpointOverride()).isEqualTo(server.endpoint().toString());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(server.keys(bucket, "out/")).containsExactlyInAnyOrder("out/empty.bin", "out/larger.jpg",
                        "out/small.png");
                assertThat(server.keys(bucket, "in/")).isEmpty();
            });
        } finally {
            main.stop();
        }
        for (Map.Entry<String, byte[]> input : inputs.entrySet()) {
            String key = "out/" + input.getKey();
            assertThat(server.get(bucket, key)).as(key).isEqualTo(input.getValue());
            // single-part objects: the ETag is the content's MD5, so S3Proxy stored exactly what Camel sent
            String eTag = server.client().headObject(b -> b.bucket(bucket).key(key)).eTag();
            assertThat(eTag).as(key).isEqualTo("\"" + md5Hex(input.getValue()) + "\"");
        }
    }

    @Test
    void aWrongSecretIsRefusedWith403() {
        LocalS3Server server = s3.server();
        String bucket = "signatures";
        server.createBucket(bucket);

        try (S3Client wrongSecret = server.newClient(server.accessKey(), "not-" + server.secretKey());
                S3Client unknownKey = server.newClient("someone-else", server.secretKey())) {
            assertThatThrownBy(wrongSecret::listBuckets).isInstanceOfSatisfying(S3Exception.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
            });
            assertThatThrownBy(() -> wrongSecret.putObject(b -> b.bucket(bucket).key("forged"),
                    RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            assertThatThrownBy(unknownKey::listBuckets)
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
        assertThat(server.keys(bucket, null)).isEmpty();
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        LocalS3Server server = s3.server();
        assertThat(server.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + server.port()));
        Optional<InetAddress> other = nonLoopbackIpv4();
        if (other.isPresent()) {
            assertThatThrownBy(() -> connect(other.get(), server.port())).isInstanceOf(ConnectException.class);
        }
        connect(InetAddress.getByName("127.0.0.1"), server.port());
    }

    @Test
    void filesystemStorageSurvivesRestartsAndCloseLeavesNothingRunning(@TempDir Path dir) {
        LocalS3Server.Builder builder = LocalS3Server.builder().storageDirectory(dir.resolve("objects"));
        byte[] content = randomBytes(70_000);

        LocalS3Server first = builder.build().start();
        long firstPid;
        int port;
        try {
            first.createBucket("kept");
            first.put("kept", "a/b.bin", content);
            URI endpoint = first.endpoint();
            long beforeRestart = first.pid();

            first.restart();

            assertThat(first.endpoint()).isEqualTo(endpoint);
            assertThat(first.pid()).isNotEqualTo(beforeRestart);
            assertThat(ProcessHandle.of(beforeRestart).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(first.get("kept", "a/b.bin")).isEqualTo(content);
            firstPid = first.pid();
            port = first.port();
        } finally {
            first.close();
        }
        assertThat(ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive)).as("process after close").isEmpty();
        assertThatThrownBy(() -> connect(InetAddress.getByName("127.0.0.1"), port))
                .isInstanceOf(ConnectException.class);
        first.close(); // idempotent
        assertThatThrownBy(first::endpoint).isInstanceOf(IllegalStateException.class);

        try (LocalS3Server second = builder.build().start()) {
            assertThat(second.keys("kept", null)).containsExactly("a/b.bin");
            assertThat(second.get("kept", "a/b.bin")).isEqualTo(content);
        }
    }

    @Test
    void theNextStartStopsAnOrphanWhoseJvmIsGoneAndLeavesLiveOnesAlone(@TempDir Path work) throws IOException {
        LocalS3Server orphan = LocalS3Server.builder().workDir(work).build().start();
        try {
            long pid = orphan.pid();
            // pretend its owner died: same owner PID, but another start time, i.e. a new process that reused the PID
            Path pidFile = orphan.pidFile();
            String[] lines = Files.readString(pidFile).split("\n");
            String[] ids = lines[0].split(" ");
            Files.writeString(pidFile, ids[0] + " " + ids[1] + " 1\n" + lines[1] + "\n");

            // the per-class server's owner (this JVM) is alive: the sweep of its directory must not touch it
            LocalS3Server.stopOrphans(Path.of("target", "s3proxy"));
            assertThat(ProcessHandle.of(s3.server().pid()).filter(ProcessHandle::isAlive)).isPresent();

            LocalS3Server.stopOrphans(work);

            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(pidFile).doesNotExist();
        } finally {
            orphan.close();
        }
    }

    @Test
    void aMissingJarNamesTheFileAndTheWayBack(@TempDir Path empty) {
        LocalS3Server server = LocalS3Server.builder().serversDir(empty).build();

        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(empty.resolve(LocalS3Server.JAR_NAME).toString())
                .hasMessageContaining("leave it unset to use the jar this module carries");
    }

    @Test
    void camelPropertiesCarryEverythingAws2S3Needs() {
        LocalS3Server server = s3.server();

        assertThat(server.camelProperties()).containsOnly(
                Map.entry("camel.component.aws2-s3.uri-endpoint-override", server.endpoint().toString()),
                Map.entry("camel.component.aws2-s3.override-endpoint", "true"),
                Map.entry("camel.component.aws2-s3.force-path-style", "true"),
                Map.entry("camel.component.aws2-s3.region", "us-east-1"),
                Map.entry("camel.component.aws2-s3.access-key", LocalS3Server.DEFAULT_ACCESS_KEY),
                Map.entry("camel.component.aws2-s3.secret-key", LocalS3Server.DEFAULT_SECRET_KEY));
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
        }
    }

    private static Optional<InetAddress> nonLoopbackIpv4() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(nic -> {
            try {
                return nic.isUp() && !nic.isLoopback();
            } catch (SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String md5Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
