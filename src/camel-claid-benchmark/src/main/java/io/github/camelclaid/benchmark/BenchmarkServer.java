package io.github.camelclaid.benchmark;

import java.time.Duration;

import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.RateLimitBudget;

/**
 * The local Claid server set up so that it is not what a benchmark measures: no rate budget worth the name (a
 * budget it cannot spend, so no 429 and no waiting in the client's rate-limit gate), no faults armed, sync edits
 * answered at once (they have no simulated processing time), and async tasks as short as the server allows.
 */
final class BenchmarkServer {

    /** Not a secret: the local server's key for benchmarks, sent only to 127.0.0.1. */
    static final String API_KEY = "benchmark-key";

    /** A URL on no host the server reads: it assumes a 640x480 input rather than fetching it. */
    static final String INPUT_URL = "https://images.example.com/benchmark/shoe.jpg";

    /** A small edit, so that rendering the output for a download costs the server little. */
    static final String OPERATIONS = "{\"resizing\":{\"width\":100}}";

    private static final RateLimitBudget UNSPENDABLE =
            RateLimitBudget.perMinuteAndSecond(Integer.MAX_VALUE, Integer.MAX_VALUE);

    private BenchmarkServer() {
    }

    /** @param rateLimitHeaders false for a server that sends no RateLimit headers (a proxy, a gateway) */
    static LocalClaidServer start(boolean rateLimitHeaders) {
        return LocalClaidServer.builder()
                .apiKey(API_KEY)
                .rateLimit(UNSPENDABLE)
                .rateLimitHeaders(rateLimitHeaders)
                .acceptedFor(Duration.ZERO)
                .processingFor(Duration.ZERO)
                .build()
                .start();
    }

    /** The body of the sync edit both clients send, as the Camel producer builds it from the same option. */
    static String editJson() {
        return "{\"input\":\"" + INPUT_URL + "\",\"operations\":" + OPERATIONS + "}";
    }
}
