package io.github.camelclaid.component;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import io.github.camelclaid.client.ClaidClient;
import io.github.camelclaid.client.RateLimitInfo;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;

/**
 * What the endpoints of one component share when they call Claid with the same API key and base URL: the circuit in
 * front of paid submissions, the health check, and the tasks exchanges wait for. Credits and rate limits belong to the
 * account, not to an endpoint, so one endpoint's 402 must stop the others' submissions too; a webhook notifies the
 * account's tasks, whichever endpoint waits for them. Known by its hashed {@link ClaidClient#accountId()}, never by
 * the key.
 */
final class ClaidAccount {

    /** The repository Camel keeps producer health checks in; Camel runs them only with producersEnabled. */
    private static final String PRODUCERS_REPOSITORY = "producers";

    private final String id;
    private final String baseUrl;
    private final SubmissionCircuit circuit;
    private final ClaidHealthCheck healthCheck;
    private final AwaitedTasks awaitedTasks = new AwaitedTasks();
    /** The clients of this account's started endpoints; the health check probes with any of them. */
    private final Set<ClaidClient> clients = new CopyOnWriteArraySet<>();
    private int producers;
    private WritableHealthCheckRepository repository;

    ClaidAccount(String id, String baseUrl, SubmissionCircuit circuit, java.time.Duration probeInterval) {
        this.id = id;
        this.baseUrl = baseUrl;
        this.circuit = circuit;
        this.healthCheck = new ClaidHealthCheck(this, probeInterval);
    }

    String id() {
        return id;
    }

    String baseUrl() {
        return baseUrl;
    }

    SubmissionCircuit circuit() {
        return circuit;
    }

    ClaidHealthCheck healthCheck() {
        return healthCheck;
    }

    /** The tasks exchanges wait for, which the account's webhook consumers hand their notifications to. */
    AwaitedTasks awaitedTasks() {
        return awaitedTasks;
    }

    void attach(ClaidClient client) {
        clients.add(client);
    }

    void detach(ClaidClient client) {
        clients.remove(client);
    }

    /** A client of a started endpoint of this account; null when none is started. */
    ClaidClient anyClient() {
        for (ClaidClient client : clients) {
            return client;
        }
        return null;
    }

    /** The newest RateLimit headers any of the account's clients received; null before any. */
    RateLimitInfo lastRateLimit() {
        RateLimitInfo newest = null;
        for (ClaidClient client : clients) {
            RateLimitInfo info = client.lastRateLimit();
            if (info != null && (newest == null || newer(info.receivedAt(), newest.receivedAt()))) {
                newest = info;
            }
        }
        return newest;
    }

    private static boolean newer(Instant a, Instant b) {
        return a != null && (b == null || a.isAfter(b));
    }

    /** When Claid last answered any of the account's clients with success; null before any. */
    Instant lastSuccessAt() {
        Instant newest = null;
        for (ClaidClient client : clients) {
            Instant at = client.lastSuccessAt();
            if (newer(at, newest)) {
                newest = at;
            }
        }
        return newest;
    }

    /**
     * A producer of this account started: the first one adds the account's health check to Camel's producer health
     * checks, as camel-kafka does. Nothing happens when camel-health is not in use.
     */
    synchronized void producerStarted(CamelContext context, boolean enabled) {
        if (producers++ > 0) {
            return;
        }
        repository = HealthCheckHelper.getHealthCheckRepository(context, PRODUCERS_REPOSITORY,
                WritableHealthCheckRepository.class);
        if (repository != null) {
            healthCheck.setEnabled(enabled);
            repository.addHealthCheck(healthCheck);
        }
    }

    /** The last producer of this account stopped: its health check goes. */
    synchronized void producerStopped() {
        if (producers == 0 || --producers > 0) {
            return;
        }
        if (repository != null) {
            repository.removeHealthCheck(healthCheck);
            repository = null;
        }
    }
}
