package io.github.camelclaid.component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelclaid.client.RateLimitInfo;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/**
 * What each {@code claid:} endpoint is doing: where it calls, how much of Claid's rate limit is left, whether its
 * account's circuit lets paid submissions through, how many tasks it is waiting for and how many its ledger holds
 * open, and for a tasks consumer what it has reported for how many status requests and how many reports wait for
 * their output. Never shows the API key: endpoints are described by their sanitised URI, accounts by their hash.
 */
@DevConsole(name = "claid", displayName = "Claid", description = "Claid endpoints: rate-limit headroom, circuit, tasks waited for and tasks open")
public class ClaidDevConsole extends AbstractDevConsole {

    public ClaidDevConsole() {
        super("camel", "claid", "Claid", "Claid endpoints: rate-limit headroom, circuit, tasks waited for and tasks open");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> e : endpoints()) {
            sb.append(String.format("%s%n    baseUrl: %s%n    rate limit: %s remaining, resets in %s s (%s)%n"
                            + "    tasks waited for: %s, open in the ledger: %s%n",
                    e.get("uri"), e.get("baseUrl"), e.get("rateLimitRemaining"), e.get("rateLimitReset"),
                    e.get("rateLimit"), e.get("tasksWaiting"), e.get("tasksOpen")));
            if (e.containsKey("circuit")) {
                sb.append(String.format("    account %s, circuit %s since %s%s%n", e.get("account"), e.get("circuit"),
                        e.get("circuitSince"), e.containsKey("circuitTrip")
                                ? " (" + e.get("circuitTrip") + ", opened at " + e.get("circuitOpenedAt")
                                        + (e.containsKey("circuitUntil") ? ", until " + e.get("circuitUntil") : "") + ")"
                                : ""));
            }
            if (e.containsKey("statusRequests")) {
                sb.append(String.format("    tasks reported: %s, status requests: %s, reports awaiting their output:"
                        + " %s%n", e.get("tasksReported"), e.get("statusRequests"), e.get("reportsAwaitingOutput")));
            }
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        List<JsonObject> list = new ArrayList<>();
        for (Map<String, Object> e : endpoints()) {
            list.add(new JsonObject(e));
        }
        root.put("endpoints", list);
        return root;
    }

    private ClaidTasksConsumer tasksConsumer(ClaidEndpoint endpoint) {
        for (Route route : getCamelContext().getRoutes()) {
            if (route.getEndpoint() == endpoint && route.getConsumer() instanceof ClaidTasksConsumer) {
                return (ClaidTasksConsumer) route.getConsumer();
            }
        }
        return null;
    }

    private List<Map<String, Object>> endpoints() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Endpoint endpoint : getCamelContext().getEndpoints()) {
            if (endpoint instanceof ClaidEndpoint) {
                ClaidEndpoint claid = (ClaidEndpoint) endpoint;
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("uri", claid.toString()); // sanitised by DefaultEndpoint
                e.put("operation", String.valueOf(claid.getOperation()));
                e.put("baseUrl", claid.getConfiguration().getBaseUrl());
                RateLimitInfo rateLimit = claid.client() == null ? null : claid.client().lastRateLimit();
                e.put("rateLimit", rateLimit == null ? null : rateLimit.limit());
                e.put("rateLimitRemaining", rateLimit == null ? null : rateLimit.remaining());
                e.put("rateLimitReset", rateLimit == null ? null : rateLimit.resetSeconds());
                e.put("tasksWaiting", claid.taskWaiter() == null ? 0 : claid.taskWaiter().waiting());
                e.put("tasksOpen", claid.ledger().openCount());
                ClaidAccount account = claid.account();
                if (account != null) {
                    SubmissionCircuit.Snapshot circuit = account.circuit().snapshot();
                    e.put("account", account.id());
                    e.put("circuit", circuit.state().name());
                    e.put("circuitSince", String.valueOf(circuit.since()));
                    if (circuit.trip() != null) {
                        e.put("circuitTrip", circuit.trip().name());
                        e.put("circuitOpenedAt", String.valueOf(circuit.openedAt()));
                    }
                    if (circuit.until() != null) {
                        e.put("circuitUntil", String.valueOf(circuit.until()));
                    }
                }
                ClaidTasksConsumer tasks = tasksConsumer(claid);
                if (tasks != null) {
                    e.put("tasksReported", tasks.tasksReported());
                    e.put("statusRequests", tasks.statusRequests());
                    e.put("reportsAwaitingOutput", tasks.reportsAwaitingOutput());
                }
                out.add(e);
            }
        }
        return out;
    }
}
