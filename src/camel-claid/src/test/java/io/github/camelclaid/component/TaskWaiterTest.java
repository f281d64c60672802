package io.github.camelclaid.component;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import io.github.camelclaid.client.ClaidResponse;
import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.client.model.TaskResult;
import io.github.camelclaid.client.model.TaskStatus;
import org.apache.camel.util.concurrent.SizedScheduledExecutorService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class TaskWaiterTest {

    static final long HOUR = 3_600_000;

    /** A planner whose first poll is an hour away, so no poll runs during the test. */
    static TaskPollPlanner planner() {
        return new TaskPollPlanner(HOUR, HOUR, 0, null, 4);
    }

    @Test
    void aScheduleRefusedWhileRunningIsNotReportedAsAStop() {
        // a scheduler whose queue is full refuses, though nothing is stopping
        SizedScheduledExecutorService full = new SizedScheduledExecutorService(new ScheduledThreadPoolExecutor(1), 1);
        try {
            TaskWaiter waiter = new TaskWaiter(full, planner(), null, HOUR, null);
            waiter.await(null, TaskKind.EDIT_ASYNC, 1, "http://127.0.0.1/1", TaskStatus.ACCEPTED, Instant.now());

            CompletableFuture<ClaidResponse<TaskResult>> refused = waiter.await(null, TaskKind.EDIT_ASYNC, 2,
                    "http://127.0.0.1/2", TaskStatus.ACCEPTED, Instant.now());

            assertThat(refused).isCompletedExceptionally();
            Throwable failure = catchThrowable(refused::join);
            assertThat(failure).hasMessageNotContaining("when Camel stopped")
                    .hasMessageContaining("could not be scheduled")
                    .hasMessageContaining("claid:tasks");
        } finally {
            full.shutdownNow();
        }
    }

    @Test
    void aScheduleRefusedByAStoppedSchedulerIsAStop() {
        ScheduledThreadPoolExecutor stopped = new ScheduledThreadPoolExecutor(1);
        stopped.shutdown();
        TaskWaiter waiter = new TaskWaiter(stopped, planner(), null, HOUR, null);

        CompletableFuture<ClaidResponse<TaskResult>> wait = waiter.await(null, TaskKind.EDIT_ASYNC, 3,
                "http://127.0.0.1/3", TaskStatus.ACCEPTED, Instant.now());

        assertThat(catchThrowable(wait::join)).hasMessageContaining("when Camel stopped");
    }
}
