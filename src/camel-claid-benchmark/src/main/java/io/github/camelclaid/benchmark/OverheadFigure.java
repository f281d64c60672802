package io.github.camelclaid.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.testserver.LocalClaidServer;

/**
 * The overhead figure: a sync {@code claid:edit} with a URL input through Camel against the same edit sent by a bare
 * HttpClient 5 async client, at the same number of calls in flight, against one local server in this JVM; between
 * them, Camel's floor ({@link CamelFloorCall}: the raw client as the one step of a Camel route), which splits the
 * difference into Camel's share and the component's. The clients run in the same process, one after the other, their
 * order rotating from round to round so that a machine getting busier favours none; each run starts on a freshly
 * reset server.
 */
final class OverheadFigure {

    /**
     * The settings of one run of the figure.
     *
     * @param latency          how long the server takes over each sync edit before answering (zero: at once, so
     *                         that the figure is of the clients' CPU; Claid's own edits take seconds)
     * @param rateLimitHeaders whether the server sends RateLimit headers, as Claid does; without them, as a proxy or a
     *                         gateway may answer, the rate gate must not hold the component back
     */
    record Settings(List<Integer> inFlight, List<Boolean> downloads, Duration warmup, Duration measured, int rounds,
                    Duration latency, boolean rateLimitHeaders) {
    }

    /**
     * The pooled figures of the four clients for one load (camel-io: the component with {@code continueOnIoThread}),
     * and each round's camel/raw throughput ratio.
     */
    record Row(boolean download, int inFlight, ClosedLoop.Figures raw, ClosedLoop.Figures floor,
            ClosedLoop.Figures camel, ClosedLoop.Figures camelIo, List<Double> roundRatios) {

        double throughputRatio() {
            return camel.perSecond() / raw.perSecond();
        }

        double latencyRatio(double q) {
            return camel.micros(q) / raw.micros(q);
        }
    }

    private final Settings settings;

    OverheadFigure(Settings settings) {
        this.settings = settings;
    }

    List<Row> run() throws InterruptedException {
        List<Row> rows = new ArrayList<>();
        try (LocalClaidServer server = BenchmarkServer.start(settings.rateLimitHeaders())) {
            for (boolean download : settings.downloads()) {
                try (EditCall raw = new RawEditCall(server, download);
                        EditCall floor = new CamelFloorCall(server, download);
                        EditCall camel = new CamelEditCall(server, download, false);
                        EditCall camelIo = new CamelEditCall(server, download, true)) {
                    for (int n : settings.inFlight()) {
                        Row row = measure(server, List.of(raw, floor, camel, camelIo), n, download);
                        System.out.println(describe(row));
                        rows.add(row);
                    }
                }
            }
        }
        return rows;
    }

    /**
     * Runs raw, floor, camel and camel-io (in that order in {@code calls}) once per round, in an order rotating by
     * round.
     */
    private Row measure(LocalClaidServer server, List<EditCall> calls, int n, boolean download)
            throws InterruptedException {
        ClosedLoop.Figures[] totals = new ClosedLoop.Figures[calls.size()];
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            ClosedLoop.Figures[] figures = new ClosedLoop.Figures[calls.size()];
            for (int i = 0; i < calls.size(); i++) {
                int which = (round + i) % calls.size();
                // the first run of each client also warms its JIT; later ones only refill connections and caches
                figures[which] = once(server, calls.get(which), n, settings.warmup());
            }
            ratios.add(figures[2].perSecond() / figures[0].perSecond());
            for (int i = 0; i < calls.size(); i++) {
                totals[i] = totals[i] == null ? figures[i] : totals[i].plus(figures[i]);
            }
        }
        return new Row(download, n, totals[0], totals[1], totals[2], totals[3], ratios);
    }

    private ClosedLoop.Figures once(LocalClaidServer server, EditCall call, int n, Duration warmup)
            throws InterruptedException {
        // the server keeps every request and output it served; forgetting them keeps its memory flat across runs
        server.reset();
        if (!settings.latency().isZero()) {
            // a delay held on one of the server's handler threads: it costs the machine no CPU while it lasts
            server.faults().next(Integer.MAX_VALUE).delay(settings.latency()).on(ApiOperation.EDIT);
        }
        return new ClosedLoop(call, n).run(warmup, settings.measured());
    }

    static String header() {
        return "| downloadOutput | in flight | raw calls/s | floor calls/s | camel calls/s | throughput camel/raw"
                + " | throughput floor/raw | raw p50 µs | camel p50 µs | p50 camel/raw | raw p99 µs | camel p99 µs"
                + " | p99 camel/raw | per-round throughput ratios camel/raw | CPU µs per call, raw / floor / camel"
                + " (process, server included) | extra CPU µs per call: Camel's (floor - raw) / the component's"
                + " (camel - floor) | camel-io calls/s | throughput camel-io/raw | camel-io p99 µs | p99 camel-io/raw"
                + " | CPU µs per call, camel-io |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";
    }

    static String describe(Row row) {
        StringBuilder rounds = new StringBuilder();
        for (double r : row.roundRatios()) {
            rounds.append(rounds.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", r));
        }
        double raw = row.raw().cpuMicrosPerCall();
        double floor = row.floor().cpuMicrosPerCall();
        double camel = row.camel().cpuMicrosPerCall();
        return String.format(Locale.ROOT,
                "| %s | %d | %.0f | %.0f | %.0f | %.2fx | %.2fx | %.0f | %.0f | %.2fx | %.0f | %.0f | %.2fx | %s"
                        + " | %.0f / %.0f / %.0f | %.0f / %.0f | %.0f | %.2fx | %.0f | %.2fx | %.0f |",
                row.download(), row.inFlight(), row.raw().perSecond(), row.floor().perSecond(),
                row.camel().perSecond(), row.throughputRatio(), row.floor().perSecond() / row.raw().perSecond(),
                row.raw().micros(0.5), row.camel().micros(0.5), row.latencyRatio(0.5), row.raw().micros(0.99),
                row.camel().micros(0.99), row.latencyRatio(0.99), rounds, raw, floor, camel, floor - raw,
                camel - floor, row.camelIo().perSecond(), row.camelIo().perSecond() / row.raw().perSecond(),
                row.camelIo().micros(0.99), row.camelIo().micros(0.99) / row.raw().micros(0.99),
                row.camelIo().cpuMicrosPerCall());
    }
}
