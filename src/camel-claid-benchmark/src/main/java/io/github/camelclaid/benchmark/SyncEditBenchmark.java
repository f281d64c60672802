package io.github.camelclaid.benchmark;

import java.util.concurrent.TimeUnit;

import io.github.camelclaid.testserver.LocalClaidServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One sync edit at a time, through Camel or over the raw client, against a local server in the same JVM: the
 * latency distribution behind the overhead figure's "1 in flight" row, with JMH's error bars and profilers
 * ({@code -prof gc}, {@code -prof stack}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SyncEditBenchmark {

    @Param({ "camel", "raw" })
    public String client;

    @Param({ "false", "true" })
    public boolean downloadOutput;

    private LocalClaidServer server;
    private EditCall call;

    @Setup(Level.Trial)
    public void start() {
        server = BenchmarkServer.start(true);
        call = "camel".equals(client) ? new CamelEditCall(server, downloadOutput, false)
                : new RawEditCall(server, downloadOutput);
    }

    /** The server keeps what it served; forgetting it between iterations keeps its memory flat. */
    @Setup(Level.Iteration)
    public void forget() {
        server.reset();
    }

    @TearDown(Level.Trial)
    public void stop() {
        call.close();
        server.close();
    }

    @Benchmark
    public Object edit() throws Exception {
        return call.send().get(30, TimeUnit.SECONDS);
    }
}
