package io.github.camelclaid.component;

import java.time.Duration;
import java.time.Instant;

import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.client.model.TaskStatus;
import io.github.camelclaid.ledger.TaskKey;
import io.github.camelclaid.ledger.TrackedTask;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhookGracePeriod rule the tasks consumer and waits share. */
class TaskPollPlannerTest {

    static final long GRACE = 120_000;
    static final Instant SUBMITTED = Instant.parse("2026-01-01T00:00:00Z");

    /** Growing intervals from 2 s, a grace of two minutes. */
    final TaskPollPlanner planner = new TaskPollPlanner(2_000, 30_000, GRACE, null, 4);

    static TrackedTask task(TaskKind kind) {
        return TrackedTask.submitted(new TaskKey(kind, 1), "http://127.0.0.1/1", SUBMITTED, TaskStatus.ACCEPTED, null,
                SUBMITTED);
    }

    @Test
    void aTaskIsFirstPolledWhenItsGraceIsOver() {
        assertThat(planner.earliestPoll(task(TaskKind.EDIT_ASYNC))).isEqualTo(SUBMITTED.plusMillis(GRACE));
        assertThat(planner.leftToWebhook(TaskKind.AI_EDIT, 2_000)).isEqualTo(GRACE);
        assertThat(planner.leftToWebhook(null, 2_000)).as("a kind not known").isEqualTo(GRACE);
        assertThat(planner.leftToWebhook(TaskKind.EDIT_ASYNC, GRACE + 5_000)).as("a poll planned after the grace")
                .isEqualTo(GRACE + 5_000);
    }

    @Test
    void aVideoIsNotLeftToAWebhookClaidDoesNotSend() {
        assertThat(planner.earliestPoll(task(TaskKind.GENERATE_VIDEO))).isEqualTo(SUBMITTED.plusMillis(2_000));
        assertThat(planner.leftToWebhook(TaskKind.GENERATE_VIDEO, 2_000)).isEqualTo(2_000);
    }

    @Test
    void aTaskPastTheLearnedPlanIsPolledAtThePlansLastStepNotAtHalfItsAge() {
        TaskDurations durations = new TaskDurations();
        // ends seen between 1 s and 5 s, evenly: the plan polls at 2 s, 3 s, 4 s and 5 s
        for (int i = 1; i <= 5; i++) {
            durations.observe(TaskKind.EDIT_ASYNC, Duration.ofSeconds(i), Duration.ofSeconds(i));
        }
        TaskPollPlanner learned = new TaskPollPlanner(2_000, 30_000, 0, durations, 4);
        assertThat(learned.nextPollAge(TaskKind.EDIT_ASYNC, 0, 0)).isEqualTo(2_000);
        assertThat(learned.nextPollAge(TaskKind.EDIT_ASYNC, 4_000, 3)).isEqualTo(5_000);
        // past the plan: the last step (1 s), where half its age would wait 2.5 s
        assertThat(learned.nextPollAge(TaskKind.EDIT_ASYNC, 5_000, 4)).isEqualTo(6_000);
        // the wait grows with the time past the plan: a stuck task's polls thin out
        assertThat(learned.nextPollAge(TaskKind.EDIT_ASYNC, 9_000, 8)).isEqualTo(11_000);
        assertThat(learned.nextPollAge(TaskKind.EDIT_ASYNC, 125_000, 30)).isEqualTo(155_000);
        // a plan of one poll has no step: half the task's age, as before
        TaskPollPlanner single = new TaskPollPlanner(2_000, 30_000, 0, durations, 1);
        assertThat(single.nextPollAge(TaskKind.EDIT_ASYNC, 5_000, 1)).isEqualTo(7_500);
    }
}
