package io.github.camelclaid.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The far end of webhook tests: records what it receives and answers from a script of statuses (200 once the script
 * is used up). A scripted {@link #HANG} answers nothing until the receiver is closed, to provoke sender timeouts.
 */
final class WebhookReceiver implements AutoCloseable {

    /** A scripted answer that never comes (until {@link #close()}). */
    static final int HANG = -1;

    /** One received notification. */
    record Received(String signature, String contentType, byte[] body) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Deque<Integer> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = new ArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    WebhookReceiver(Integer... scriptedStatuses) {
        script.addAll(List.of(scriptedStatuses));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        synchronized (this) {
            received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookSigner.HEADER),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
        }
        Integer status = script.poll();
        if (status != null && status == HANG) {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status == null ? 200 : status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
