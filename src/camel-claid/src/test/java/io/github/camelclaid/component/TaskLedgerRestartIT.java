package io.github.camelclaid.component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.client.model.TaskStatus;
import io.github.camelclaid.ledger.FileTaskLedger;
import io.github.camelclaid.ledger.TaskKey;
import io.github.camelclaid.support.ChildJvm;
import io.github.camelclaid.support.LedgerFileView;
import io.github.camelclaid.ledger.LedgerEntryState;
import io.github.camelclaid.ledger.TrackedTask;
import io.github.camelclaid.testserver.LocalClaidServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release requirement for the file ledger, with a real second JVM: an application ({@link TaskPipelineProcess})
 * submits {@value #TASKS} tasks, is killed with SIGKILL while they are in flight, and is started again on the same
 * ledger file. Every task is then emitted exactly once, with its correlation header, and none is submitted again (the
 * local Claid server, in this JVM, counts the submissions it would bill).
 *
 * <p>
 * <b>Timing the kill.</b> One window cannot be closed by any ledger: between the route's output write and the
 * ledger's finish mark, a kill makes the task be reported again after the restart (at-least-once, by design: the
 * ledger finishes a task only after its route succeeded). The kill here never lands in it, and without betting on
 * durations: tasks meant to be in flight carry the server's {@code hold} marker and cannot finish before
 * {@link LocalClaidServer#releaseHeldTasks()}, called only after the kill; tasks meant to finish before the kill are
 * awaited until the ledger file shows them finished. After the kill the test checks that premise (the output holds
 * exactly the finished tasks) before anything else, so a broken premise reads as such, not as a duplicate.
 */
class TaskLedgerRestartIT {

    static final String KEY = "restart-key-3f9a";
    static final int TASKS = 24;
    /** Far beyond what any step takes even on a busy machine; waits end as soon as their condition holds. */
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    LocalClaidServer server;
    final List<ChildJvm> pipelines = new ArrayList<>();

    @BeforeEach
    void startServer() {
        // fast tasks end 0.1 to 0.4 s after submission, in a random order
        server = LocalClaidServer.builder().apiKey(KEY).acceptedFor(Duration.ofMillis(20))
                .processingFor(Duration.ofMillis(100)).processingSpread(Duration.ofMillis(300)).randomSeed(11)
                .build().start();
    }

    @AfterEach
    void stopEverything() {
        try {
            // a failed test must not leave a JVM behind
            pipelines.forEach(ChildJvm::kill);
        } finally {
            server.close();
        }
    }

    @Test
    void tasksAllInFlightAtTheKillAreEachEmittedOnceAfterTheRestartAndNoneIsSubmittedAgain() throws Exception {
        killInFlightAndRestart(0);
    }

    @Test
    void tasksFinishedBeforeTheKillAreNotEmittedAgainAndTheOthersAreEmittedOnceAfterTheRestart() throws Exception {
        killInFlightAndRestart(TASKS / 2);
    }

    /** Images numbered below {@code finishedBeforeKill} finish before the kill; the others are in flight at it. */
    private void killInFlightAndRestart(int finishedBeforeKill) throws Exception {
        Path ledger = dir.resolve("ledger").resolve("claid-tasks.jsonl");
        Path output = dir.resolve("emitted.txt");
        Path properties = writeProperties(ledger, output, finishedBeforeKill);

        ChildJvm first = start(properties, "--submit=" + TASKS);
        first.await("all submissions", () -> first.lines(TaskPipelineProcess.SUBMITTED).size() == TASKS);
        Map<Long, Integer> imageOf = new HashMap<>();
        for (String line : first.lines(TaskPipelineProcess.SUBMITTED)) {
            String[] fields = line.split(" ");
            imageOf.put(Long.parseLong(fields[1]), Integer.parseInt(fields[2]));
        }
        Set<Long> finishing = imageOf.keySet().stream().filter(id -> imageOf.get(id) < finishedBeforeKill)
                .collect(Collectors.toSet());
        Set<Long> held = imageOf.keySet().stream().filter(id -> !finishing.contains(id)).collect(Collectors.toSet());

        // in flight for real: the first run's consumer has asked Claid about every held task and seen it running;
        // the others have been emitted and marked finished
        first.await("held tasks polled, the others finished", () -> {
            Map<Long, JsonNode> tasks = tasksById(ledger);
            return held.stream().allMatch(id -> tasks.containsKey(id) && tasks.get(id).path("polls").asInt() > 0
                    && "OPEN".equals(tasks.get(id).path("state").asText()))
                    && finishing.stream().allMatch(id -> tasks.containsKey(id)
                            && "FINISHED".equals(tasks.get(id).path("state").asText()));
        });
        first.kill();

        // the premise: the kill landed outside the window between an output line and its finish mark
        assertThat(emitted(output)).extracting(Emitted::taskId).containsExactlyInAnyOrderElementsOf(finishing);
        assertThat(tasksById(ledger).entrySet().stream()
                .filter(e -> "FINISHED".equals(e.getValue().path("state").asText())).map(Map.Entry::getKey))
                .containsExactlyInAnyOrderElementsOf(finishing);

        assertThat(server.releaseHeldTasks()).isEqualTo(held.size());
        ChildJvm second = start(properties);
        second.await("every task emitted and finished", () -> emitted(output).size() >= TASKS
                && tasksById(ledger).values().stream()
                        .filter(t -> "FINISHED".equals(t.path("state").asText())).count() == TASKS);
        second.stop();

        List<Emitted> emitted = emitted(output);
        assertThat(emitted).extracting(Emitted::taskId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(imageOf.keySet());
        for (Emitted task : emitted) {
            assertThat(task.status()).as("status of task %d", task.taskId()).isEqualTo("DONE");
            assertThat(task.imageNo()).as("ImageNo of task %d", task.taskId()).isEqualTo(imageOf.get(task.taskId()));
        }
        assertThat(second.lines(TaskPipelineProcess.SUBMITTED)).as("submissions after the restart").isEmpty();
        assertThat(server.paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(TASKS);
        try (FileTaskLedger reopened = new FileTaskLedger(ledger)) {
            assertThat(reopened.openCount()).isZero();
            for (long id : imageOf.keySet()) {
                TrackedTask task = reopened.find(new TaskKey(TaskKind.EDIT_ASYNC, id)).orElseThrow();
                assertThat(task.state()).isEqualTo(LedgerEntryState.FINISHED);
                assertThat(task.lastStatus()).isEqualTo(TaskStatus.DONE);
                assertThat(task.correlation()).containsEntry(TaskPipelineProcess.IMAGE_NO,
                        String.valueOf(imageOf.get(id)));
            }
        }
    }

    /** The application's configuration, as a user would write it. */
    private Path writeProperties(Path ledger, Path output, int holdFrom) throws IOException {
        return Files.writeString(dir.resolve("application.properties"), String.join("\n",
                "camel.main.name = claid-restart-test",
                "camel.component.claid.base-url = " + server.baseUrl(),
                "# on the component, so that the producer and the tasks consumer share the one ledger",
                "camel.component.claid.task-ledger = #class:io.github.camelclaid.ledger.FileTaskLedger('" + ledger
                        + "')",
                "# tasks take a fraction of a second here: first poll soon after submission, and often",
                "camel.component.claid.task-poll-interval = 20ms",
                "camel.component.claid.task-poll-max-interval = 200ms",
                "pipeline.output = " + output,
                "pipeline.hold-from = " + holdFrom,
                ""));
    }

    private ChildJvm start(Path properties, String... args) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-pl", "file:" + properties));
        arguments.addAll(List.of(args));
        ChildJvm pipeline = ChildJvm.start("pipeline-" + (pipelines.size() + 1), TaskPipelineProcess.class, arguments,
                Map.of(ClaidComponent.API_KEY_VARIABLE, KEY), PATIENCE, line -> line.startsWith(TaskPipelineProcess.SUBMITTED)
                        || line.startsWith(TaskPipelineProcess.EMITTED) || line.equals(TaskPipelineProcess.STARTED));
        pipelines.add(pipeline);
        return pipeline;
    }

    /** One line of the output file: a task the application's route processed. */
    record Emitted(long taskId, String status, int imageNo) {
    }

    /** The output file's complete lines (a line being written has no newline yet). */
    private static List<Emitted> emitted(Path output) throws IOException {
        List<Emitted> emitted = new ArrayList<>();
        for (String line : ChildJvm.completeLines(output)) {
            String[] fields = line.split(" ");
            emitted.add(new Emitted(Long.parseLong(fields[0]), fields[1], Integer.parseInt(fields[2])));
        }
        return emitted;
    }


    private static Map<Long, JsonNode> tasksById(Path ledger) throws IOException {
        Map<Long, JsonNode> tasks = new java.util.HashMap<>();
        LedgerFileView.tasksByKey(ledger).forEach((key, task) -> tasks.put(TaskKey.parse(key).id(), task));
        return tasks;
    }
}
