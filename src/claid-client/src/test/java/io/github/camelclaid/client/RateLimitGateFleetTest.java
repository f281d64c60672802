package io.github.camelclaid.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances that share one account and see each other only through its answers, each offering its edits at once, on
 * the virtual clock of {@link SimulatedAccount}: Claid's budget shape at 20 requests per one-second window (the
 * hardest for a gate, as Reset then always says 1), answers 4 ms after a request.
 */
class RateLimitGateFleetTest {

    static final long SECOND = 1_000_000_000L;
    static final int EDITS = 1000;

    @Test
    void oneInstanceUsesTheWholeBudgetWithoutA429() {
        SimulatedAccount account = fleet(1);
        assertThat(account.utilisation()).isGreaterThanOrEqualTo(0.95);
        assertThat(account.refusedPer100()).isLessThan(1.0);
    }

    @ParameterizedTest(name = "{0} instances starting {1} ms apart")
    @CsvSource({"2, 100", "2, 1300", "3, 100", "3, 1300"})
    void instancesOnOneAccountShareItsBudgetFairlyAndUseIt(int count, long apartMillis) {
        List<SimulatedAccount.Instance> instances = new ArrayList<>();
        SimulatedAccount account = fleet(count, apartMillis * 1_000_000L, instances);
        double first = instances.stream().mapToLong(i -> i.finishedNanos).min().orElseThrow();
        double last = instances.stream().mapToLong(i -> i.finishedNanos).max().orElseThrow();
        System.out.printf(Locale.ROOT, "%d instances x %d edits: utilisation %.3f, %.2f 429s per 100 requests,"
                + " finished %.1f s to %.1f s%n", count, EDITS / count, account.utilisation(),
                account.refusedPer100(), first / SECOND, last / SECOND);
        assertThat(instances).allSatisfy(i -> assertThat(i.accepted).isEqualTo(EDITS / count));
        assertThat(account.utilisation()).isGreaterThanOrEqualTo(0.93);
        assertThat(account.refusedPer100()).isLessThan(2.0);
        // with the same work, a fair split ends them together; an instance that was crowded out ends far later
        assertThat(last / first).isLessThan(1.25);
    }

    private static SimulatedAccount fleet(int count) {
        return fleet(count, 0, new ArrayList<>());
    }

    private static SimulatedAccount fleet(int count, long apartNanos, List<SimulatedAccount.Instance> instances) {
        SimulatedAccount account = new SimulatedAccount(20, SECOND, 2_000_000L);
        for (int i = 0; i < count; i++) {
            instances.add(account.instance(i * apartNanos, EDITS / count));
        }
        account.run(600 * SECOND);
        return account;
    }
}
