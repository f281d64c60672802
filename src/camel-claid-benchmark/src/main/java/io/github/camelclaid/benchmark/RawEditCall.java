package io.github.camelclaid.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelclaid.testserver.LocalClaidServer;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;

/**
 * The floor: the same JSON to the same server with the same Bearer header, over a bare HttpClient 5 async client with
 * as many connections as the component's pool. With a download, the answer is read just far enough to find the
 * output's {@code tmp_url}, which is then fetched.
 */
final class RawEditCall implements EditCall {

    /** The component's default pool size (ClaidComponent maxConnections), so both sides may open as many. */
    static final int MAX_CONNECTIONS = 128;

    private final CloseableHttpAsyncClient http;
    private final URI editUrl;
    private final String bearer;
    private final byte[] body = BenchmarkServer.editJson().getBytes(StandardCharsets.UTF_8);
    private final boolean downloadOutput;
    private final ObjectMapper mapper = new ObjectMapper();

    RawEditCall(LocalClaidServer server, boolean downloadOutput) {
        this.downloadOutput = downloadOutput;
        this.editUrl = URI.create(server.url("/v1/image/edit"));
        this.bearer = "Bearer " + server.apiKey();
        http = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
        http.start();
    }

    @Override
    public String name() {
        return "raw";
    }

    @Override
    public CompletableFuture<?> send() {
        SimpleHttpRequest edit = SimpleRequestBuilder.post(editUrl)
                .setHeader("Authorization", bearer)
                .setBody(body, ContentType.APPLICATION_JSON)
                .build();
        CompletableFuture<SimpleHttpResponse> answered = execute(edit);
        return downloadOutput ? answered.thenCompose(this::download) : answered;
    }

    private CompletableFuture<SimpleHttpResponse> download(SimpleHttpResponse edited) {
        String tmpUrl;
        try {
            JsonNode output = mapper.readTree(edited.getBodyBytes()).path("data").path("output");
            tmpUrl = output.path("tmp_url").asText();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return execute(SimpleRequestBuilder.get(tmpUrl).build());
    }

    private CompletableFuture<SimpleHttpResponse> execute(SimpleHttpRequest request) {
        CompletableFuture<SimpleHttpResponse> result = new CompletableFuture<>();
        http.execute(SimpleRequestProducer.create(request), SimpleResponseConsumer.create(), null,
                new FutureCallback<>() {
                    @Override
                    public void completed(SimpleHttpResponse response) {
                        if (response.getCode() / 100 == 2) {
                            result.complete(response);
                        } else {
                            result.completeExceptionally(new IllegalStateException(request.getMethod() + " "
                                    + request.getPath() + " answered " + response.getCode()));
                        }
                    }

                    @Override
                    public void failed(Exception e) {
                        result.completeExceptionally(e);
                    }

                    @Override
                    public void cancelled() {
                        result.cancel(false);
                    }
                });
        return result;
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
