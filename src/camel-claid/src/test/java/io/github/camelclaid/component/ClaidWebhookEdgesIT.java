package io.github.camelclaid.component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelclaid.client.model.TaskAccepted;
import io.github.camelclaid.support.CapturedLogs;
import io.github.camelclaid.support.LoopbackPlatformHttp;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a sender that is not Claid can do to {@code claid:webhook} on Camel Main's platform-http (Vert.x), over raw
 * sockets on 127.0.0.1: declare or send too large a body, dribble one, or hang up halfway. Each is answered or closed
 * by the webhook's guard without holding the connection, and signed deliveries keep arriving meanwhile.
 */
class ClaidWebhookEdgesIT {

    static final String KEY = "webhook-edges-key-4d1b";
    static final String SECRET = "whsec-edges-7a02";
    static final String PATH = "/claid/notifications";

    @RegisterExtension
    LoopbackPlatformHttp http = LoopbackPlatformHttp.create();

    LocalClaidServer server;
    CamelContext context;
    final List<Message> seen = new CopyOnWriteArrayList<>();
    final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
    final ExecutorService senders = Executors.newCachedThreadPool();
    final ScheduledExecutorService dribblers = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void startServer() {
        context = http.context();
        server = LocalClaidServer.builder().apiKey(KEY).acceptedFor(Duration.ofMillis(20))
                .processingFor(Duration.ofMillis(60)).webhookTimeScale(0.02).build().start();
        server.webhook(http.uri(PATH), SECRET);
    }

    @AfterEach
    void stopServer() throws Exception {
        senders.shutdownNow();
        dribblers.shutdownNow();
        for (Socket socket : sockets) {
            socket.close();
        }
        senders.awaitTermination(10, TimeUnit.SECONDS);
        server.close();
    }

    void routes(String webhookOptions) throws Exception {
        String common = "apiKey=" + KEY + "&baseUrl=" + server.baseUrl();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("claid:editAsync?" + common + "&operations=RAW({})");
                from("claid:webhook?" + common + "&webhookPath=" + PATH + "&webhookSecret=" + SECRET + webhookOptions)
                        .routeId("webhook").process(e -> seen.add(e.getMessage().copy()));
            }
        });
    }

    /** Submits a task and waits for Claid's signed notification of it to be emitted and answered 200. */
    void aSignedDeliveryStillArrives() {
        Exchange out = context.createProducerTemplate().request("direct:submit",
                e -> e.getMessage().setBody("https://images.example/a.jpg"));
        assertThat(out.getException()).isNull();
        long id = out.getMessage().getBody(TaskAccepted.class).id();
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream()
                .anyMatch(m -> Long.valueOf(id).equals(m.getHeader(ClaidConstants.TASK_ID, Long.class))));
        await().atMost(Duration.ofSeconds(5)).until(() -> server.webhookDeliveries().stream()
                .filter(d -> d.taskId() == id).map(WebhookDelivery::statusCode).anyMatch(s -> s == 200));
    }

    Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getByName(LoopbackPlatformHttp.HOST), http.port());
        sockets.add(socket);
        return socket;
    }

    static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    static String headers(String framing) {
        return "POST " + PATH + " HTTP/1.1\r\nHost: " + LoopbackPlatformHttp.HOST + "\r\n"
                + "Content-Type: application/json\r\n" + framing + "\r\n\r\n";
    }

    /** Everything the server sends until it closes the connection; fails if it keeps it open past the timeout. */
    static String readUntilClosed(Socket socket, Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[1024];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open; received so far: "
                    + received.toString(StandardCharsets.ISO_8859_1), e);
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnyOfTheBodyIsSent() throws Exception {
        routes("");
        Socket socket = connect();
        // 10 MB: under the server's own 10 MiB limit, over maxWebhookBodySize (1 MiB)
        send(socket, headers("Content-Length: 10000000"));

        String answer = readUntilClosed(socket, Duration.ofSeconds(5));

        assertThat(answer).startsWith("HTTP/1.1 413").contains("larger than 1048576 bytes");
        assertThat(seen).isEmpty();
        aSignedDeliveryStillArrives();
    }

    @Test
    void aChunkedBodyIsRefusedAsSoonAsItGrowsPastTheLimit() throws Exception {
        routes("&maxWebhookBodySize=2048");
        Socket socket = connect();
        send(socket, headers("Transfer-Encoding: chunked"));
        String chunk = Integer.toHexString(1024) + "\r\n" + "x".repeat(1024) + "\r\n";
        send(socket, chunk.repeat(3));

        // the last chunk, which ends the body, is never sent
        String answer = readUntilClosed(socket, Duration.ofSeconds(5));

        assertThat(answer).startsWith("HTTP/1.1 413").contains("larger than 2048 bytes");
        assertThat(seen).isEmpty();
    }

    /** The probe that found it: 50 senders that dribble their bodies; here one byte every 100 ms. */
    @Test
    void sendersThatDribbleAreAnswered408AndClosedWhileSignedDeliveriesArrive() throws Exception {
        routes("&webhookBodyTimeout=1000");
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Socket socket = connect();
            send(socket, headers("Content-Length: 1000"));
            dribble(socket);
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return readUntilClosed(socket, Duration.ofSeconds(15));
                } catch (IOException e) {
                    return "failed: " + e;
                }
            }, senders));
        }

        aSignedDeliveryStillArrives();

        await().atMost(Duration.ofSeconds(15)).until(() -> answers.stream().allMatch(CompletableFuture::isDone));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.join()).startsWith("HTTP/1.1 408"));
        assertThat(seen).hasSize(1);
    }

    /** Writes a byte every 100 ms until the server closes the connection: the pace of a slow sender. */
    private void dribble(Socket socket) {
        dribblers.scheduleAtFixedRate(() -> {
            try {
                socket.getOutputStream().write('x');
            } catch (IOException e) {
                // closed: an exception ends the schedule
                throw new IllegalStateException(e);
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
    }

    @Test
    void aSenderThatHangsUpMidBodyIsLoggedAtDebugNotAsAnError() throws Exception {
        routes("");
        try (CapturedLogs logs = new CapturedLogs()) {
            for (int i = 0; i < 3; i++) {
                Socket socket = connect();
                send(socket, headers("Content-Length: 1000") + "{\"data\":{\"id\":");
                socket.close();
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> logs.linesContaining("HttpClosedException").size() >= 3);
            assertThat(logs.lines()).filteredOn(line -> line.startsWith("ERROR") || line.startsWith("WARN"))
                    .isEmpty();
            assertThat(logs.linesContaining("HttpClosedException"))
                    .allSatisfy(line -> assertThat(line).startsWith("DEBUG"));
        }
        aSignedDeliveryStillArrives();
    }
}
