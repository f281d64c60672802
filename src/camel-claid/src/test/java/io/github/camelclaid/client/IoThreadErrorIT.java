package io.github.camelclaid.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelclaid.testserver.LocalClaidServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An {@link Error} thrown on the HTTP client's I/O thread while an answer is read (here an OutOfMemoryError thrown by
 * the answer's consumer, as a huge allocation would) fails that call, and the exchange waiting for it, with a message
 * naming it, instead of killing the I/O thread and leaving the exchange to wait forever; and the client goes on
 * serving other calls.
 */
class IoThreadErrorIT {

    private final AtomicBoolean failNextAnswer = new AtomicBoolean();
    private LocalClaidServer server;
    private ClaidClient client;

    @BeforeEach
    void start() {
        server = LocalClaidServer.builder().build().start();
        client = ClaidClient.builder().apiKey(server.apiKey()).baseUrl(server.baseUrl())
                .answerConsumers(limits -> new FailingOnce(new CappedResponseConsumer(limits), failNextAnswer))
                .build();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anErrorWhileReadingAnAnswerFailsTheCallAndLeavesTheClientWorking() throws Exception {
        String tmpUrl = client.edit(Map.of("input", "https://images.example/a.jpg",
                "operations", Map.of("resizing", Map.of("width", 50)))).get(30, TimeUnit.SECONDS)
                .data().output().tmpUrl();

        failNextAnswer.set(true);
        Exception failed = assertThrows(Exception.class, () -> client.download(tmpUrl).get(30, TimeUnit.SECONDS));

        Throwable cause = AsyncFailures.unwrap(failed.getCause());
        assertThat(cause).isInstanceOf(ClaidException.class);
        assertThat(cause.getMessage()).contains("OutOfMemoryError").contains("I/O thread");
        assertThat(((ClaidException) cause).getReason()).isEqualTo(ClaidException.Reason.NETWORK);
        try (Download again = client.download(tmpUrl).get(30, TimeUnit.SECONDS)) {
            assertThat(again.size()).as("the I/O threads still serve calls").isPositive();
        }
    }

    @Test
    void anErrorWhileReadingTheOutputFailsTheExchange() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("faulty", client);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:edit").to("claid:edit?client=#faulty&downloadOutput=true"
                            + "&operations={\"resizing\":{\"width\":50}}");
                }
            });
            context.start();
            failNextAnswer.set(true);
            // the edit's own JSON answer is read first: the Error hits it, and the exchange fails
            Exchange done = context.createProducerTemplate().send("direct:edit",
                    e -> e.getMessage().setBody("https://images.example/a.jpg"));

            assertThat(done.getException()).isInstanceOf(ClaidException.class);
            assertThat(done.getException().getMessage()).contains("OutOfMemoryError");
            Exchange next = context.createProducerTemplate().send("direct:edit",
                    e -> e.getMessage().setBody("https://images.example/a.jpg"));
            assertThat(next.getException()).isNull();
            assertThat(next.getMessage().getBody(byte[].class)).isNotEmpty();
        }
    }

    /** Throws an OutOfMemoryError at the first chunk of the next answer, once armed; otherwise reads as usual. */
    private static final class FailingOnce implements AsyncResponseConsumer<HttpAnswer> {
        private final AsyncResponseConsumer<HttpAnswer> real;
        private final AtomicBoolean armed;

        FailingOnce(AsyncResponseConsumer<HttpAnswer> real, AtomicBoolean armed) {
            this.real = real;
            this.armed = armed;
        }

        @Override
        public void consumeResponse(HttpResponse response, EntityDetails entityDetails, HttpContext context,
                FutureCallback<HttpAnswer> resultCallback) throws HttpException, IOException {
            real.consumeResponse(response, entityDetails, context, resultCallback);
        }

        @Override
        public void informationResponse(HttpResponse response, HttpContext context)
                throws HttpException, IOException {
            real.informationResponse(response, context);
        }

        @Override
        public void failed(Exception cause) {
            real.failed(cause);
        }

        @Override
        public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
            real.updateCapacity(capacityChannel);
        }

        @Override
        public void consume(ByteBuffer src) throws IOException {
            if (armed.compareAndSet(true, false)) {
                throw new OutOfMemoryError("Java heap space (thrown by the test)");
            }
            real.consume(src);
        }

        @Override
        public void streamEnd(List<? extends Header> trailers) throws HttpException, IOException {
            real.streamEnd(trailers);
        }

        @Override
        public void releaseResources() {
            real.releaseResources();
        }
    }
}
