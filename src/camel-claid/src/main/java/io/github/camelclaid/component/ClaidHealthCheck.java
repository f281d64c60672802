package io.github.camelclaid.component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.camelclaid.client.ClaidAccessDeniedException;
import io.github.camelclaid.client.ClaidClient;
import io.github.camelclaid.client.ClaidException;
import io.github.camelclaid.client.ClaidRateLimitException;
import io.github.camelclaid.client.RateLimitInfo;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Whether one Claid account can take paid submissions now: Claid reachable, the key accepted, and the account's
 * {@link SubmissionCircuit} not open. A readiness check only: restarting the JVM (what a failed liveness check leads
 * to) brings back neither credits nor Claid.
 * <p>
 * It costs no credit. A 2xx answer Claid gave any of the account's endpoints within the probe interval is taken as
 * proof; failing that, it sends the one request of Claid's API that bills nothing, {@code GET
 * /v1/storage/storage-types}, once (no retries) and keeps the verdict for the probe interval, so that a health
 * endpoint polled every second costs Claid one request per interval. The circuit is read afresh on every call.
 * <p>
 * Details never hold the key: the account is named by its hash, the rest is the base URL, the last RateLimit
 * headers and the circuit.
 */
final class ClaidHealthCheck extends AbstractHealthCheck {

    /** How long a probe may take: a health endpoint must answer in seconds, whatever the response timeout. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    private final ClaidAccount account;
    private final Duration probeInterval;
    private Verdict lastProbe;

    /** What is known of Claid's reachability and of the key, as of {@code at}. */
    private record Verdict(boolean up, Instant at, String source, String message, Throwable error, int status) {

        static Verdict up(Instant at, String source) {
            return new Verdict(true, at, source, null, null, 0);
        }

        static Verdict down(Instant at, String message, Throwable error, int status) {
            return new Verdict(false, at, "probe", message, error, status);
        }
    }

    ClaidHealthCheck(ClaidAccount account, Duration probeInterval) {
        super("camel", "producer:claid-" + account.id());
        this.account = account;
        this.probeInterval = probeInterval;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("claid.account", account.id());
        builder.detail("claid.baseUrl", account.baseUrl());
        rateLimitDetails(builder, account.lastRateLimit());
        SubmissionCircuit.Snapshot circuit = account.circuit().snapshot();
        circuitDetails(builder, circuit);
        if (circuit.state() == SubmissionCircuit.State.OPEN) {
            // no request needed to know that paid submissions fail now
            builder.message(account.circuit().describe());
            builder.down();
            return;
        }
        Verdict verdict = reachability();
        builder.detail("claid.checkedAt", String.valueOf(verdict.at()));
        builder.detail("claid.checkedBy", verdict.source());
        if (verdict.up()) {
            if (circuit.state() == SubmissionCircuit.State.HALF_OPEN) {
                // ready, so that the trial submission can come and close the circuit
                builder.message(account.circuit().describe());
            }
            builder.up();
        } else {
            builder.message(verdict.message());
            if (verdict.error() != null) {
                builder.error(verdict.error());
            }
            if (verdict.status() > 0) {
                builder.detail(SERVICE_STATUS_CODE, verdict.status());
            }
            builder.down();
        }
    }

    private static void rateLimitDetails(HealthCheckResultBuilder builder, RateLimitInfo rateLimit) {
        if (rateLimit == null) {
            return;
        }
        builder.detail("rateLimit.limit", rateLimit.limit());
        builder.detail("rateLimit.remaining", rateLimit.remaining());
        builder.detail("rateLimit.resetSeconds", rateLimit.resetSeconds());
        builder.detail("rateLimit.receivedAt", String.valueOf(rateLimit.receivedAt()));
    }

    private static void circuitDetails(HealthCheckResultBuilder builder, SubmissionCircuit.Snapshot circuit) {
        builder.detail("circuit.state", circuit.state().name());
        builder.detail("circuit.since", String.valueOf(circuit.since()));
        if (circuit.trip() != null) {
            builder.detail("circuit.trip", circuit.trip().name());
            builder.detail("circuit.openedAt", String.valueOf(circuit.openedAt()));
        }
        if (circuit.until() != null) {
            builder.detail("circuit.until", String.valueOf(circuit.until()));
        }
        if (circuit.state() == SubmissionCircuit.State.HALF_OPEN) {
            builder.detail("circuit.trialInFlight", circuit.trialInFlight());
        }
    }

    /** A recent success, a recent probe's verdict, or a new probe; never more than one probe per interval. */
    private synchronized Verdict reachability() {
        Instant now = Instant.now();
        Instant fresh = now.minus(probeInterval);
        Instant answered = account.lastSuccessAt();
        if (answered != null && answered.isAfter(fresh) && (lastProbe == null || answered.isAfter(lastProbe.at()))) {
            return Verdict.up(answered, "answer");
        }
        if (lastProbe != null && lastProbe.at().isAfter(fresh)) {
            return lastProbe;
        }
        ClaidClient client = account.anyClient();
        if (client == null) {
            return Verdict.down(now, "No claid endpoint of account " + account.id() + " is started", null, 0);
        }
        lastProbe = probe(client);
        return lastProbe;
    }

    private Verdict probe(ClaidClient client) {
        try {
            client.checkAccess(PROBE_TIMEOUT).get(PROBE_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return Verdict.up(Instant.now(), "probe");
        } catch (ExecutionException e) {
            return failed(e.getCause());
        } catch (TimeoutException e) {
            return Verdict.down(Instant.now(), "Claid at " + account.baseUrl() + " did not answer within "
                    + PROBE_TIMEOUT.toSeconds() + " s", e, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.down(Instant.now(), "Interrupted while asking Claid", e, 0);
        }
    }

    private Verdict failed(Throwable cause) {
        Instant now = Instant.now();
        if (!(cause instanceof ClaidException)) {
            return Verdict.down(now, "Claid at " + account.baseUrl() + " could not be asked: " + cause, cause, 0);
        }
        ClaidException e = (ClaidException) cause;
        int status = e.getStatusCode();
        if (e instanceof ClaidRateLimitException) {
            // rate limited: Claid is there and took the key
            return new Verdict(true, now, "probe", null, null, status);
        }
        String what;
        if (e instanceof ClaidAccessDeniedException) {
            what = "Claid refused the API key (" + status + ")";
        } else if (e.getReason() == ClaidException.Reason.NETWORK) {
            what = "Claid is unreachable at " + account.baseUrl();
        } else {
            what = "Claid at " + account.baseUrl() + " answered " + (status > 0 ? "HTTP " + status : "unreadably");
        }
        return Verdict.down(now, what + ": " + e.getMessage(), e, status);
    }
}
