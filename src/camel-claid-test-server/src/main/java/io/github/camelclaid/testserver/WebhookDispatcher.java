package io.github.camelclaid.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Posts task notifications the way Claid documents it: the body is the task's status answer, signed with
 * HMAC-SHA256 in {@code X-Claid-Hmac-SHA256}; an attempt that times out (30 s), fails to connect or gets a 5xx is
 * retried after 3, 6 and 12 seconds, four attempts in all. Tests shrink the schedule with a time scale.
 *
 * <p>
 * Deliveries use {@link HttpURLConnection} on the server's own threads, so closing the server stops them all (the JDK
 * HttpClient of Java 17 keeps a selector thread alive that cannot be stopped).
 */
final class WebhookDispatcher {

    static final int MAX_ATTEMPTS = 4;
    /** The waits before the 2nd, 3rd and 4th attempt. */
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(3), Duration.ofSeconds(6),
            Duration.ofSeconds(12));

    /** Where notifications go; without a secret they are sent unsigned. */
    record Target(URI url, String secret) {
    }

    /** One notification, with everything needed to send it again identically. */
    private record Notification(long taskId, byte[] body, URI url, String signatureHeader, boolean forged,
            boolean duplicate, long epoch) {

        Notification asDuplicate() {
            return new Notification(taskId, body, url, signatureHeader, forged, true, epoch);
        }
    }

    private final ScheduledExecutorService scheduler;
    private final ExecutorService senders;
    private final Faults faults;
    private final WebhookSignatureStyle style;
    private final Duration timeout;
    private final double timeScale;
    private final AtomicReference<Target> target = new AtomicReference<>();
    private final List<WebhookDelivery> deliveries = new ArrayList<>();
    /** Attempts under way: blocking socket reads ignore interrupts, so closing disconnects them instead. */
    private final Set<HttpURLConnection> inFlight = ConcurrentHashMap.newKeySet();
    /** Bumped by {@link #clear()}: attempts of an older epoch belong to a previous test and are not sent. */
    private final AtomicLong epoch = new AtomicLong();

    WebhookDispatcher(ScheduledExecutorService scheduler, ExecutorService senders, Faults faults,
                      WebhookSignatureStyle style, Duration timeout, double timeScale, Target initialTarget) {
        this.scheduler = scheduler;
        this.senders = senders;
        this.faults = faults;
        this.style = style;
        this.timeout = timeout;
        this.timeScale = timeScale;
        this.target.set(initialTarget);
    }

    void configure(Target newTarget) {
        target.set(newTarget);
    }

    /** Sends a notification about a finished task, when a webhook is configured. */
    void notify(long taskId, byte[] body) {
        Target current = target.get();
        if (current == null) {
            return;
        }
        Set<Faults.WebhookFaultKind> taken = faults.takeForWebhook();
        if (taken.contains(Faults.WebhookFaultKind.DROPPED)) {
            return;
        }
        boolean forged = taken.contains(Faults.WebhookFaultKind.FORGED_SIGNATURE);
        String signature = signatureHeader(current.secret(), body, forged);
        Notification notification = new Notification(taskId, body, current.url(), signature, forged, false,
                epoch.get());
        boolean duplicate = taken.contains(Faults.WebhookFaultKind.DUPLICATE);
        submit(() -> attempt(notification, 1, duplicate));
    }

    List<WebhookDelivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    void clear() {
        epoch.incrementAndGet();
        synchronized (deliveries) {
            deliveries.clear();
        }
    }

    /** Aborts the attempts under way; the server is closing. */
    void abortInFlight() {
        inFlight.forEach(HttpURLConnection::disconnect);
    }

    private void attempt(Notification notification, int attempt, boolean thenDuplicate) {
        if (notification.epoch() != epoch.get()) {
            return;
        }
        WebhookDelivery delivery = post(notification, attempt);
        synchronized (deliveries) {
            deliveries.add(delivery);
        }
        if (thenDuplicate) {
            submit(() -> attempt(notification.asDuplicate(), 1, false));
        }
        if (delivery.calledForRetry() && attempt < MAX_ATTEMPTS) {
            long waitNanos = Math.round(RETRY_DELAYS.get(attempt - 1).toNanos() * timeScale);
            try {
                scheduler.schedule(() -> submit(() -> attempt(notification, attempt + 1, false)), waitNanos,
                        TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // the server is closing: the remaining attempts are abandoned with it
            }
        }
    }

    private WebhookDelivery post(Notification notification, int attempt) {
        Instant sentAt = Instant.now();
        HttpURLConnection connection = null;
        int status = -1;
        String failure = null;
        try {
            connection = (HttpURLConnection) notification.url().toURL().openConnection();
            inFlight.add(connection);
            int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
            connection.setConnectTimeout(timeoutMillis);
            connection.setReadTimeout(timeoutMillis);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(notification.body().length);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("User-Agent", "camel-claid-LocalClaidServer");
            if (notification.signatureHeader() != null) {
                connection.setRequestProperty(WebhookSigner.HEADER, notification.signatureHeader());
            }
            try (OutputStream out = connection.getOutputStream()) {
                out.write(notification.body());
            }
            status = connection.getResponseCode();
            drain(connection);
        } catch (SocketTimeoutException e) {
            failure = "timed out after " + timeout.toMillis() + " ms";
        } catch (IOException | IllegalArgumentException e) {
            failure = "connection failed: " + e;
        } finally {
            if (connection != null) {
                inFlight.remove(connection);
                connection.disconnect();
            }
        }
        return new WebhookDelivery(notification.taskId(), attempt, status, failure, notification.duplicate(),
                notification.forged(), notification.signatureHeader(), notification.body(), sentAt);
    }

    private String signatureHeader(String secret, byte[] body, boolean forged) {
        if (forged) {
            return WebhookSigner.headerValue((secret == null ? "" : secret) + "-forged-by-LocalClaidServer", body,
                    style);
        }
        return secret == null ? null : WebhookSigner.headerValue(secret, body, style);
    }

    private void submit(Runnable work) {
        try {
            senders.execute(work);
        } catch (RejectedExecutionException e) {
            // the server is closing
        }
    }

    private static void drain(HttpURLConnection connection) {
        try (InputStream in = connection.getResponseCode() >= 400 ? connection.getErrorStream()
                : connection.getInputStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        } catch (IOException e) {
            // the status is what counts; a body cut short does not change the outcome
        }
    }
}
