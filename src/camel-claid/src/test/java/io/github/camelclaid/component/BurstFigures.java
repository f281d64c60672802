package io.github.camelclaid.component;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How the burst figures ({@link WaitsFigureIT}, {@link TasksConsumerFigureIT}) run their plans: the burst sizes of
 * {@code -Dclaid.waits.figure.counts} (2,000 and 10,000 by default), the plans named by a property of each figure
 * (all by default), and one burst of the largest size first, not printed. The first burst in a JVM runs on code not
 * yet compiled, which overloads the machine more and made the first plan measured look worse than the others (1.28
 * polls and 29.7 s p99 against 1.71 and 21.4 s for the same plan measured third, at 10,000 waits).
 */
final class BurstFigures {

    /** The polling plans compared, their intervals scaled down tenfold with the tasks. */
    enum Plan {
        LEARNED("&taskPollInterval=200&taskPollMaxInterval=3000", false),
        LEARNED_ONE_POLL("&taskPollInterval=200&taskPollMaxInterval=3000&adaptivePollCount=1", false),
        /** No limit to a run of claid:tasks, so no run is ever full: the control of the consumer's pace. */
        LEARNED_UNBATCHED("&taskPollInterval=200&taskPollMaxInterval=3000&maxMessagesPerPoll=0", true),
        /** Runs of claid:tasks ten times as large as the default: for accounts whose budget lets them go. */
        LEARNED_500("&taskPollInterval=200&taskPollMaxInterval=3000&maxMessagesPerPoll=500", true),
        GROWING("&taskPollInterval=200&taskPollMaxInterval=3000&adaptivePolling=false", false),
        FIXED_500MS("&taskPollInterval=50&taskPollMaxInterval=50&adaptivePolling=false", false);

        final String options;
        final boolean tasksConsumerOnly;

        Plan(String options, boolean tasksConsumerOnly) {
            this.options = options;
            this.tasksConsumerOnly = tasksConsumerOnly;
        }
    }

    /** One plan's row for one burst size. */
    interface Measure {
        String row(Plan plan, int count) throws Exception;
    }

    private BurstFigures() {
    }

    /**
     * Prints every plan's row for every burst size; a plan that fails prints why in its row.
     *
     * @param tasksConsumer whether the figure is of claid:tasks, so that its own plans are measured too
     */
    static void print(String plansProperty, boolean tasksConsumer, Measure measure) throws Exception {
        List<Integer> counts = Arrays.stream(System.getProperty("claid.waits.figure.counts", "2000,10000").split(","))
                .map(counted -> Integer.parseInt(counted.trim())).toList();
        measure.row(Plan.GROWING, counts.stream().max(Integer::compare).orElseThrow());
        String named = System.getProperty(plansProperty, "");
        List<Plan> chosen = named.isBlank()
                ? Arrays.stream(Plan.values()).filter(plan -> tasksConsumer || !plan.tasksConsumerOnly).toList()
                : Arrays.stream(named.split(",")).map(name -> Plan.valueOf(name.trim())).toList();
        for (int count : counts) {
            for (Plan plan : chosen) {
                try {
                    System.out.print(measure.row(plan, count));
                } catch (Exception | AssertionError e) {
                    System.out.printf(Locale.ROOT, "%-18s %6d failed: %s%n", plan, count, e.getMessage());
                }
            }
        }
    }
}
