package io.github.camelclaid.component.webhook;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.github.camelclaid.client.webhook.WebhookVerifier;
import io.github.camelclaid.client.webhook.WebhookVerifier.Verdict;
import io.github.camelclaid.support.LoopbackPlatformHttp;
import io.github.camelclaid.testserver.WebhookSignatureStyle;
import io.github.camelclaid.testserver.WebhookSigner;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.HttpEndpointModel;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@code claid:webhook} relies on from {@code platform-http} on Camel 4.18.0 with {@code camel-platform-http-main}
 * (the Vert.x engine Camel Main uses), checked with a probe consumer that, like {@code claid:webhook}, makes a
 * {@code platform-http} consumer of its own in {@code doStart}, not through a route, and stops it in {@code doStop}.
 * Every test sends real HTTP to 127.0.0.1. A Camel upgrade that changes any of these fails here first.
 * <p>
 * The contract: (a) the request body arrives as a Vert.x {@code Buffer} whose
 * {@code getBody(byte[].class)} is the exact bytes sent, whatever the charset, for every media type except forms,
 * which {@code consumes=application/json} keeps out;
 * (b) {@link Exchange#HTTP_RESPONSE_CODE} and the body set by the processor are what the sender gets, provided the
 * processor clears the request's headers and body, which would otherwise be echoed; (c) the server's body limit
 * ({@code camel.server.maxBodySize}, else Vert.x's 10 MiB) answers 413 from the Content-Length alone, before the body
 * is read and before the consumer runs; (d) a plain context gets Camel Main's server as a {@link MainHttpServer}
 * service on 127.0.0.1 and port 0; (e) the delegate is served, and removed again when stopped.
 */
class PlatformHttpContractIT {

    static final String PATH = "/claid/webhook";
    static final String SECRET = "whsec_probe-Secret+1";

    // non-ASCII UTF-8 (ë, ✓), CRLF, NUL, and bytes that are not UTF-8 at all (a lone 0xFF, 0xC3 before '(')
    static final byte[] RAW = concat("{\"status\":\"DONE\",\"note\":\"Zoë ✓\"}\r\n".getBytes(StandardCharsets.UTF_8),
            new byte[] {0, (byte) 0xFF, (byte) 0xC3, '(', '\r', '\n'});

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @RegisterExtension
    LoopbackPlatformHttp http = LoopbackPlatformHttp.create();

    // ---------------------------------------------------------------------------------------------------------------
    // (a) the raw body

    static Stream<Arguments> rawBodyCases() {
        return Stream.of("", "&useStreaming=true").flatMap(options -> Stream.of(
                "application/json",
                // a charset parameter sets CamelHttpCharacterEncoding, but the bytes are left alone
                "application/json; charset=ISO-8859-1",
                "text/plain; charset=UTF-16",
                "application/octet-stream",
                "").map(contentType -> Arguments.of(options, contentType)));
    }

    @ParameterizedTest(name = "options \"{0}\", Content-Type \"{1}\"")
    @MethodSource("rawBodyCases")
    void rawBodyIsTheExactBytesSent(String options, String contentType) throws Exception {
        List<Object> bodies = new CopyOnWriteArrayList<>();
        List<byte[]> raw = new CopyOnWriteArrayList<>();
        startHook(options, (request, consumer) -> {
            bodies.add(request.getMessage().getBody());
            raw.add(request.getMessage().getBody(byte[].class));
            reply(request, 200, "ok");
        });

        HttpResponse<String> response = post(RAW, contentType, Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(raw).hasSize(1);
        assertThat(raw.get(0)).isEqualTo(RAW);
        // what the body is before conversion: Vert.x's Buffer with the body handler, a cached stream when streaming
        if (options.isEmpty()) {
            assertThat(bodies.get(0)).isInstanceOf(Buffer.class);
        } else {
            assertThat(bodies.get(0)).isInstanceOf(StreamCache.class);
        }
    }

    @Test
    void formBodiesAreDecodedSoTheirBytesAreLost() throws Exception {
        List<Object> bodies = new CopyOnWriteArrayList<>();
        startHook("", (request, consumer) -> {
            bodies.add(request.getMessage().getBody());
            reply(request, 415, "application/json only");
        });

        HttpResponse<String> response = post("a=1&b=%C3%AB".getBytes(StandardCharsets.US_ASCII),
                "application/x-www-form-urlencoded", Map.of());

        // the body handler parsed the form into a Map (and each field into a header): the signed bytes are gone, so
        // the consumer must refuse form media types (consumes=application/json does it, see below) rather than
        // verify a signature it cannot check
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(bodies.get(0)).isInstanceOf(Map.class);
        assertThat(bodies.get(0)).asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
                .containsEntry("a", "1").containsEntry("b", "ë");
    }

    @Test
    void consumesMakesVertxRefuseOtherMediaTypesBeforeTheConsumer() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        startHook("&consumes=application/json", (request, consumer) -> {
            calls.incrementAndGet();
            reply(request, 200, "ok");
        });

        assertThat(post(RAW, "application/json", Map.of()).statusCode()).isEqualTo(200);
        assertThat(post(RAW, "application/json; charset=UTF-8", Map.of()).statusCode()).isEqualTo(200);
        assertThat(calls).hasValue(2);
        // the component's serverRequestValidation (default true) turns consumes into a Vert.x route condition
        assertThat(post("a=1".getBytes(StandardCharsets.US_ASCII), "application/x-www-form-urlencoded", Map.of())
                .statusCode()).isEqualTo(415);
        assertThat(post(RAW, "text/plain", Map.of()).statusCode()).isEqualTo(415);
        // a body without any Content-Type too
        assertThat(post(RAW, "", Map.of()).statusCode()).isEqualTo(415);
        assertThat(calls).hasValue(2);
    }

    @Test
    void withoutTheBodyHandlerTheBodyIsTheUnreadVertxRequest() throws Exception {
        List<Object> bodies = new CopyOnWriteArrayList<>();
        List<byte[]> raw = new CopyOnWriteArrayList<>();
        startHook("&useBodyHandler=false", (request, consumer) -> {
            bodies.add(request.getMessage().getBody());
            raw.add(request.getMessage().getBody(byte[].class));
            reply(request, 200, "ok");
        });

        assertThat(post(RAW, "application/json", Map.of()).statusCode()).isEqualTo(200);
        // no converter: reading it would need Vert.x's API, which ties the consumer to one engine
        assertThat(bodies.get(0)).isInstanceOf(HttpServerRequest.class);
        assertThat(raw.get(0)).isNull();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (b) the response

    @ParameterizedTest
    @ValueSource(ints = {200, 204, 400, 401, 413, 415, 500})
    void statusAndBodySetByTheProcessorReachTheSender(int status) throws Exception {
        startHook("", (request, consumer) -> reply(request, status, status == 204 ? null : "status " + status));

        HttpResponse<String> response = post(RAW, "application/json",
                Map.of(WebhookSigner.HEADER, "sha256=00", "X-Trace", "t-1"));

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(status == 204 ? "" : "status " + status);
        if (status != 204) {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
        }
        // reply() removed the request's headers, so none of them is echoed
        assertThat(response.headers().map()).doesNotContainKeys(WebhookSigner.HEADER.toLowerCase(Locale.ROOT), "x-trace");
    }

    @Test
    void requestHeadersQueryParametersAndBodyAreEchoedUnlessCleared() throws Exception {
        List<Map<String, Object>> headers = new CopyOnWriteArrayList<>();
        startHook("", (request, consumer) -> {
            headers.add(new HashMap<>(request.getMessage().getHeaders()));
            // only the status: the request's message is the reply
            request.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        });

        HttpResponse<String> response = send(HttpRequest.newBuilder(http.uri(PATH + "?tenant=t1"))
                .header("Content-Type", "application/json")
                .header(WebhookSigner.HEADER, "sha256=00")
                .POST(HttpRequest.BodyPublishers.ofByteArray("{\"a\":1}".getBytes(StandardCharsets.UTF_8))));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"a\":1}");
        assertThat(response.headers().firstValue(WebhookSigner.HEADER)).hasValue("sha256=00");
        // query parameters become message headers too, and go back as response headers
        assertThat(headers.get(0)).containsEntry("tenant", "t1");
        assertThat(response.headers().firstValue("tenant")).hasValue("t1");
    }

    @Test
    void aThrownExceptionIsVertxsOwn500() throws Exception {
        startHook("", (request, consumer) -> {
            throw new IllegalStateException("internal detail");
        });

        HttpResponse<String> response = post(RAW, "application/json", Map.of());

        // the failure goes to Vert.x's router (logged at ERROR with its stack trace), which answers by itself
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("Internal Server Error");
    }

    @Test
    void anExceptionSetOnTheExchangeIsA500WithAnEmptyBody() throws Exception {
        startHook("", (request, consumer) -> request.setException(new IllegalStateException("internal detail")));

        HttpResponse<String> response = post(RAW, "application/json", Map.of());

        // muteException=true, platform-http's default: no stack trace in the body
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the shape of the future consumer, end to end: verify, hand a fresh exchange to the route, answer

    @ParameterizedTest
    @EnumSource(WebhookSignatureStyle.class)
    void signedDeliveriesReachTheRouteAndOthersAreRefused(WebhookSignatureStyle style) throws Exception {
        WebhookVerifier verifier = WebhookVerifier.of("whsec_new", SECRET);
        List<byte[]> routed = new CopyOnWriteArrayList<>();
        startHook(http, "", (request, consumer) -> verifyAndRoute(request, consumer, verifier),
                exchange -> routed.add(exchange.getMessage().getBody(byte[].class)));

        String good = WebhookSigner.headerValue(SECRET, RAW, style);
        String forged = WebhookSigner.headerValue("whsec_guess", RAW, style);

        assertThat(post(RAW, "application/json", Map.of(WebhookSigner.HEADER, good)).statusCode()).isEqualTo(200);
        assertThat(post(RAW, "application/json", Map.of(WebhookSigner.HEADER, forged)).statusCode()).isEqualTo(401);
        assertThat(post(RAW, "application/json", Map.of()).statusCode()).isEqualTo(401);
        assertThat(post(RAW, "application/json", Map.of(WebhookSigner.HEADER, "sha1=abc")).statusCode())
                .isEqualTo(400);
        assertThat(routed).hasSize(1);
        assertThat(routed.get(0)).isEqualTo(RAW);
    }

    @Test
    void aFailingRouteIsA500() throws Exception {
        WebhookVerifier verifier = WebhookVerifier.of(SECRET);
        // the signature is good, then the route fails
        startHook(http, "", (request, consumer) -> verifyAndRoute(request, consumer, verifier), exchange -> {
            throw new IllegalStateException("route failed");
        });

        HttpResponse<String> response = post(RAW, "application/json",
                Map.of(WebhookSigner.HEADER, WebhookSigner.sign(SECRET, RAW)));

        assertThat(response.statusCode()).isEqualTo(500);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (c) body size

    @Test
    void contentLengthIsAMessageHeader() throws Exception {
        List<Long> lengths = new CopyOnWriteArrayList<>();
        startHook("", (request, consumer) -> {
            // header names are case-insensitive in a Camel message; the value is the String the sender wrote
            lengths.add(request.getMessage().getHeader(Exchange.CONTENT_LENGTH, Long.class));
            reply(request, 200, "ok");
        });

        post(RAW, "application/json", Map.of());

        assertThat(lengths).containsExactly((long) RAW.length);
    }

    @Test
    void theDefaultLimitIsTenMebibytesAndIsCheckedBeforeTheBody() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        startHook("", (request, consumer) -> {
            calls.incrementAndGet();
            reply(request, 200, "ok");
        });

        // headers only: the server answers without waiting for a byte of the body
        assertThat(statusLineOfHeadersOnly(http.port(), PATH, 10L * 1024 * 1024 + 1)).startsWith("HTTP/1.1 413");
        assertThat(calls).hasValue(0);
    }

    @Nested
    class WithServerBodyLimit {

        static final int LIMIT = 1024;

        @RegisterExtension
        LoopbackPlatformHttp limited = LoopbackPlatformHttp.withMaxBodySize(LIMIT);

        @Test
        void aLargerContentLengthIsRefusedBeforeTheBodyIsRead() throws Exception {
            AtomicInteger calls = new AtomicInteger();
            startHook(limited, "", (request, consumer) -> {
                calls.incrementAndGet();
                reply(request, 200, "ok");
            });

            assertThat(statusLineOfHeadersOnly(limited.port(), PATH, LIMIT + 1)).startsWith("HTTP/1.1 413");
            assertThat(calls).hasValue(0);
        }

        @Test
        void aChunkedBodyIsRefusedOnceItPassesTheLimit() throws Exception {
            AtomicInteger calls = new AtomicInteger();
            startHook(limited, "", (request, consumer) -> {
                calls.incrementAndGet();
                reply(request, 200, "ok");
            });
            byte[] big = new byte[4 * LIMIT];

            // an InputStream publisher has no length, so the client sends Transfer-Encoding: chunked
            HttpResponse<String> response = send(HttpRequest.newBuilder(limited.uri(PATH))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(calls).hasValue(0);
        }

        @Test
        void bodiesWithinTheLimitPass() throws Exception {
            List<byte[]> raw = new CopyOnWriteArrayList<>();
            startHook(limited, "", (request, consumer) -> {
                raw.add(request.getMessage().getBody(byte[].class));
                reply(request, 200, "ok");
            });
            byte[] exactly = new byte[LIMIT];

            HttpResponse<String> response = send(HttpRequest.newBuilder(limited.uri(PATH))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(exactly)));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(raw.get(0)).hasSize(LIMIT);
        }

        @Test
        void useStreamingBypassesTheServerLimit() throws Exception {
            List<byte[]> raw = new CopyOnWriteArrayList<>();
            startHook(limited, "&useStreaming=true", (request, consumer) -> {
                raw.add(request.getMessage().getBody(byte[].class));
                reply(request, 200, "ok");
            });
            byte[] big = new byte[4 * LIMIT];

            HttpResponse<String> response = send(HttpRequest.newBuilder(limited.uri(PATH))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(big)));

            // streaming skips Vert.x's BodyHandler and with it the limit: the whole body is read into a cache
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(raw.get(0)).hasSize(4 * LIMIT);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (d) server host and port

    @Test
    void theServerListensOnLoopbackOnAPortThePlatformChose() {
        MainHttpServer server = http.server();

        assertThat(server.getHost()).isEqualTo("127.0.0.1");
        assertThat(server.getPort()).as("configured").isZero();
        assertThat(http.port()).as("actual").isPositive();
        assertThat(server.getRouter().getServer().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void camelMainDoesTheSameFromItsProperties() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", "0");
        main.addInitialProperty("camel.server.maxBodySize", "2048");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from(new ProbeEndpoint(getCamelContext(), PATH, "",
                        (request, consumer) -> reply(request, 200, "from main"))).routeId("hook").to("mock:routed");
            }
        });
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            MainHttpServer server = context.hasService(MainHttpServer.class);
            assertThat(server).isNotNull();
            assertThat(server.getHost()).isEqualTo("127.0.0.1");
            assertThat(server.getMaxBodySize()).isEqualTo(2048L);
            int port = LoopbackPlatformHttp.port(server);

            HttpResponse<String> response = send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + PATH)).POST(HttpRequest.BodyPublishers.ofString("{}")));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("from main");
            assertThat(statusLineOfHeadersOnly(port, PATH, 2049)).startsWith("HTTP/1.1 413");
        } finally {
            main.stop();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (e) the delegate consumer made without a route

    @Test
    void theDelegateIsServedAndListedAndGoesAwayWhenStopped() throws Exception {
        startHook("", (request, consumer) -> reply(request, 200, "ok"));
        PlatformHttpComponent component = http.context().getComponent("platform-http", PlatformHttpComponent.class);

        assertThat(post(RAW, "application/json", Map.of()).statusCode()).isEqualTo(200);
        assertThat(component.getHttpEndpoints()).extracting(HttpEndpointModel::getUri).contains(PATH);
        // httpMethodRestrict=POST: Vert.x answers other methods itself
        assertThat(send(HttpRequest.newBuilder(http.uri(PATH)).GET()).statusCode()).isEqualTo(405);

        http.context().getRouteController().stopRoute("hook");
        assertThat(post(RAW, "application/json", Map.of()).statusCode()).isEqualTo(404);
        assertThat(component.getHttpEndpoints()).extracting(HttpEndpointModel::getUri).doesNotContain(PATH);

        http.context().getRouteController().startRoute("hook");
        assertThat(post(RAW, "application/json", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void theDelegateStartsWithTheContextWhenItsRouteWasThereFirst() throws Exception {
        CamelContext context = new DefaultCamelContext();
        MainHttpServer server = LoopbackPlatformHttp.install(context, null);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(new ProbeEndpoint(getCamelContext(), PATH, "",
                        (request, consumer) -> reply(request, 200, "ok"))).routeId("hook").to("mock:routed");
            }
        });
        context.start();
        try {
            // services (the HTTP server) start before routes, so the router exists when the delegate initialises
            HttpResponse<String> response = send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + LoopbackPlatformHttp.port(server) + PATH))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(response.statusCode()).isEqualTo(200);
        } finally {
            context.stop();
        }
    }

    @Test
    void withoutAnHttpServerTheRouteDoesNotStart() throws Exception {
        CamelContext context = new DefaultCamelContext();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(new ProbeEndpoint(getCamelContext(), PATH, "",
                            (request, consumer) -> reply(request, 200, "ok"))).routeId("hook").to("mock:routed");
                }
            });

            // camel-platform-http-vertx found, but no server has bound its Vert.x router in the registry
            assertThatThrownBy(context::start)
                    .hasStackTraceContaining("No PlatformHttpEngine created and setup in registry");
        } finally {
            context.stop();
        }
    }

    @Test
    void aPlatformHttpConsumerOutsideAnyRouteNeedsARouteInTheContext() throws Exception {
        // no route at all: the context never configured its unit-of-work factory, so each request fails with 500
        // (NullPointerException on the inflight repository). A claid:webhook consumer always sits in a route.
        Endpoint endpoint = http.context().getEndpoint("platform-http:" + PATH + "?httpMethodRestrict=POST");
        Consumer alone = endpoint.createConsumer(exchange -> reply(exchange, 200, "ok"));
        ServiceHelper.startService(alone);
        try {
            assertThat(post(RAW, "application/json", Map.of()).statusCode()).isEqualTo(500);

            http.context().addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:any").routeId("any").log("any");
                }
            });
            assertThat(post(RAW, "application/json", Map.of()).statusCode()).isEqualTo(200);
        } finally {
            ServiceHelper.stopAndShutdownService(alone);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the probe consumer

    /** Handles the platform-http exchange for the probe consumer. */
    @FunctionalInterface
    interface HttpHandler {
        void handle(Exchange request, ProbeConsumer consumer) throws Exception;
    }

    /** Stands for the future {@code claid:webhook} endpoint: a path to receive on and platform-http options. */
    static final class ProbeEndpoint extends DefaultEndpoint {

        private final String path;
        private final String options;
        private final HttpHandler handler;

        ProbeEndpoint(CamelContext context, String path, String options, HttpHandler handler) {
            super("probe-webhook:" + path, (Component) null);
            setCamelContext(context);
            this.path = path;
            this.options = options;
            this.handler = handler;
        }

        @Override
        public Producer createProducer() {
            throw new UnsupportedOperationException("consumer only");
        }

        @Override
        public Consumer createConsumer(Processor processor) throws Exception {
            ProbeConsumer consumer = new ProbeConsumer(this, processor);
            configureConsumer(consumer);
            return consumer;
        }
    }

    /** The pattern under test: a platform-http consumer made in doStart, not through a route, stopped in doStop. */
    static final class ProbeConsumer extends DefaultConsumer {

        private Consumer delegate;

        ProbeConsumer(ProbeEndpoint endpoint, Processor processor) {
            super(endpoint, processor);
        }

        @Override
        public ProbeEndpoint getEndpoint() {
            return (ProbeEndpoint) super.getEndpoint();
        }

        @Override
        protected void doStart() throws Exception {
            super.doStart();
            ProbeEndpoint endpoint = getEndpoint();
            Endpoint http = getEndpoint().getCamelContext()
                    .getEndpoint("platform-http:" + endpoint.path + "?httpMethodRestrict=POST" + endpoint.options);
            delegate = http.createConsumer(exchange -> endpoint.handler.handle(exchange, this));
            // init + start: the Vert.x route is added to the server's router here
            ServiceHelper.startService(delegate);
        }

        @Override
        protected void doStop() throws Exception {
            // removes the Vert.x route; later requests to the path get 404
            ServiceHelper.stopAndShutdownService(delegate);
            delegate = null;
            super.doStop();
        }
    }

    /** What claid:webhook would do: verify, then give the route an exchange of its own, then answer. */
    static void verifyAndRoute(Exchange request, ProbeConsumer consumer, WebhookVerifier verifier) throws Exception {
        Message in = request.getMessage();
        byte[] body = in.getBody(byte[].class);
        Verdict verdict = verifier.verify(body == null ? new byte[0] : body,
                in.getHeader(WebhookVerifier.SIGNATURE_HEADER, String.class));
        switch (verdict) {
            case MISSING_SIGNATURE, BAD_SIGNATURE -> reply(request, 401, "unauthorized");
            case MALFORMED_SIGNATURE -> reply(request, 400, "malformed signature");
            case VALID -> {
                // a fresh exchange from the claid consumer: the route sees neither the HTTP headers nor Vert.x types
                Exchange delivery = consumer.createExchange(false);
                try {
                    delivery.getMessage().setBody(body);
                    consumer.getProcessor().process(delivery);
                    if (delivery.getException() != null) {
                        reply(request, 500, "failed");
                    } else {
                        reply(request, 200, "ok");
                    }
                } finally {
                    consumer.releaseExchange(delivery, false);
                }
            }
            default -> throw new IllegalStateException(verdict.name());
        }
    }

    /** Sets the response, dropping the request's headers and body so that neither is echoed. */
    static void reply(Exchange exchange, int status, String body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (body != null) {
            message.setHeader(Exchange.CONTENT_TYPE, "text/plain");
        }
        message.setBody(body);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // helpers

    private void startHook(String options, HttpHandler handler) throws Exception {
        startHook(http, options, handler, null);
    }

    private static void startHook(LoopbackPlatformHttp server, String options, HttpHandler handler) throws Exception {
        startHook(server, options, handler, null);
    }

    /** Adds and starts route "hook" from a probe endpoint, with {@code step} (if any) as the route's only step. */
    private static void startHook(LoopbackPlatformHttp server, String options, HttpHandler handler, Processor step)
            throws Exception {
        server.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(new ProbeEndpoint(getCamelContext(), PATH, options, handler)).routeId("hook")
                        .process(step != null ? step : exchange -> {
                        });
            }
        });
    }

    private HttpResponse<String> post(byte[] body, String contentType, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(PATH))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends only a POST's headers, announcing {@code contentLength} bytes, and returns the response's status line. */
    private static String statusLineOfHeadersOnly(int port, String path, long contentLength) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName(LoopbackPlatformHttp.HOST), port)) {
            // a guard, not an assertion: a server waiting for the body fails the test instead of hanging it
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\n"
                    + "Host: " + LoopbackPlatformHttp.HOST + ":" + port + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + contentLength + "\r\n"
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            return String.valueOf(in.readLine());
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
