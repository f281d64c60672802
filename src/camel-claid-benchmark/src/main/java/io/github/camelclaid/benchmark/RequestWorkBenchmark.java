package io.github.camelclaid.benchmark;

import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.client.ClaidClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The CPU work a sync edit costs before it reaches the network, without any: building the request tree from the
 * endpoint's parsed options, checking it against Claid's schema, and writing it as bytes. Against the round trip of
 * {@link SyncEditBenchmark} it says how much of the producer's overhead is request work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RequestWorkBenchmark {

    private ClaidClient client;
    private JsonNode operations;
    private JsonNode request;

    @Setup
    public void start() throws Exception {
        // never called: only its mapper and validation are used
        client = ClaidClient.builder().apiKey(BenchmarkServer.API_KEY).baseUrl("http://127.0.0.1:9").build();
        operations = client.mapper().readTree(BenchmarkServer.OPERATIONS);
        request = build();
    }

    @TearDown
    public void stop() {
        client.close();
    }

    /** As RequestMapper builds an edit from a URL body and the endpoint's operations option. */
    @Benchmark
    public JsonNode build() {
        ObjectNode node = client.mapper().createObjectNode();
        node.put("input", BenchmarkServer.INPUT_URL);
        node.set("operations", operations);
        return node;
    }

    @Benchmark
    public JsonNode validate() {
        return client.validated(ApiOperation.EDIT, request);
    }

    @Benchmark
    public byte[] write() throws Exception {
        return client.mapper().writeValueAsBytes(request);
    }
}
