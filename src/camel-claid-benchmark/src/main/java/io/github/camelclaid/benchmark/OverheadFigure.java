package io.github.camelclaid.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.camelclaid.testserver.LocalClaidServer;

/**
 * The overhead figure: a sync {@code claid:edit} with a URL input through Camel against the same edit sent by a bare
 * HttpClient 5 async client, at the same number of calls in flight, against one local server in this JVM. Both
 * clients run in the same process, one after the other, their order alternating from round to round so that a
 * machine getting busier does not favour either; each run starts on a freshly reset server.
 */
final class OverheadFigure {

    /** The settings of one run of the figure. */
    record Settings(List<Integer> inFlight, List<Boolean> downloads, Duration warmup, Duration measured, int rounds) {
    }

    /** The pooled figures of both clients for one load, and each round's throughput ratio. */
    record Row(boolean download, int inFlight, ClosedLoop.Figures raw, ClosedLoop.Figures camel,
            List<Double> roundRatios) {

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
        try (LocalClaidServer server = BenchmarkServer.start()) {
            for (boolean download : settings.downloads()) {
                try (EditCall raw = new RawEditCall(server, download);
                        EditCall camel = new CamelEditCall(server, download)) {
                    for (int n : settings.inFlight()) {
                        Row row = measure(server, raw, camel, n, download);
                        System.out.println(describe(row));
                        rows.add(row);
                    }
                }
            }
        }
        return rows;
    }

    private Row measure(LocalClaidServer server, EditCall raw, EditCall camel, int n, boolean download)
            throws InterruptedException {
        ClosedLoop.Figures rawTotal = null;
        ClosedLoop.Figures camelTotal = null;
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            // the first run of each client also warms its JIT; later ones only refill connections and caches
            Duration warmup = settings.warmup();
            boolean rawFirst = round % 2 == 0;
            ClosedLoop.Figures first = once(server, rawFirst ? raw : camel, n, warmup);
            ClosedLoop.Figures second = once(server, rawFirst ? camel : raw, n, warmup);
            ClosedLoop.Figures r = rawFirst ? first : second;
            ClosedLoop.Figures c = rawFirst ? second : first;
            ratios.add(c.perSecond() / r.perSecond());
            rawTotal = rawTotal == null ? r : rawTotal.plus(r);
            camelTotal = camelTotal == null ? c : camelTotal.plus(c);
        }
        return new Row(download, n, rawTotal, camelTotal, ratios);
    }

    private ClosedLoop.Figures once(LocalClaidServer server, EditCall call, int n, Duration warmup)
            throws InterruptedException {
        // the server keeps every request and output it served; forgetting them keeps its memory flat across runs
        server.reset();
        return new ClosedLoop(call, n).run(warmup, settings.measured());
    }

    static String header() {
        return "| downloadOutput | in flight | raw calls/s | camel calls/s | throughput camel/raw | raw p50 µs"
                + " | camel p50 µs | p50 camel/raw | raw p99 µs | camel p99 µs | p99 camel/raw | per-round throughput"
                + " ratios |\n|---|---|---|---|---|---|---|---|---|---|---|---|";
    }

    static String describe(Row row) {
        StringBuilder rounds = new StringBuilder();
        for (double r : row.roundRatios()) {
            rounds.append(rounds.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", r));
        }
        return String.format(Locale.ROOT,
                "| %s | %d | %.0f | %.0f | %.2fx | %.0f | %.0f | %.2fx | %.0f | %.0f | %.2fx | %s |",
                row.download(), row.inFlight(), row.raw().perSecond(), row.camel().perSecond(), row.throughputRatio(),
                row.raw().micros(0.5), row.camel().micros(0.5), row.latencyRatio(0.5), row.raw().micros(0.99),
                row.camel().micros(0.99), row.latencyRatio(0.99), rounds);
    }
}
