package io.github.camelclaid.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.client.model.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileTaskLedgerIT extends TaskLedgerContract {

    @TempDir
    Path dir;

    @Override
    protected TaskLedger newLedger() {
        return new FileTaskLedger(file());
    }

    @Override
    protected TaskLedger reopen() {
        return new FileTaskLedger(file());
    }

    private Path file() {
        // a directory that does not exist yet: the ledger creates it
        return dir.resolve("ledger").resolve("tasks.jsonl");
    }

    private void restart() {
        ledger.close();
        ledger = reopen();
    }

    private List<String> lines() throws IOException {
        return Files.readAllLines(file(), StandardCharsets.UTF_8);
    }

    private void appendRaw(String text) throws IOException {
        Files.writeString(file(), text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"v\":1,\"type\":\"task\",\"key\":\"EDIT_ASYNC/9\",\"resultUrl\":\"http://127.",
            "\u0000\u0000\u0000\u0000"})
    void aTornLastLineIsSkippedAndCutOffSoTheNextLineStandsAlone(String torn) throws IOException {
        ledger.record(task(1));
        ledger.record(task(2));
        ledger.record(task(3));
        ledger.close();
        appendRaw(torn);

        ledger = reopen();
        assertThat(ledger.openCount()).isEqualTo(3);
        assertThat(ledger.find(task(9).key())).isEmpty();
        ledger.record(task(4));
        restart();

        assertThat(ledger.openCount()).isEqualTo(4);
        assertThat(ledger.find(task(4).key()).orElseThrow().correlation()).containsEntry("orderId", "order-4");
        assertThat(lines()).hasSize(4).allSatisfy(line -> assertThat(line).startsWith("{\"v\":1,").endsWith("}"));
    }

    @Test
    void aCompleteLastLineWithoutItsNewlineIsKept() throws IOException {
        ledger.record(task(1));
        ledger.record(task(2));
        ledger.close();
        String text = Files.readString(file());
        Files.writeString(file(), text.substring(0, text.length() - 1));

        ledger = reopen();
        ledger.record(task(3));
        restart();

        assertThat(ledger.openCount()).isEqualTo(3);
        assertThat(lines()).hasSize(3);
    }

    @Test
    void aDamagedLineBeforeOthersIsCorruptionAndOpeningFailsNamingIt() throws IOException {
        ledger.record(task(1));
        ledger.record(task(2));
        ledger.record(task(3));
        ledger.close();
        List<String> lines = new ArrayList<>(lines());
        lines.set(1, lines.get(1).substring(0, 30));
        Files.write(file(), lines, StandardCharsets.UTF_8);
        ledger = null;

        assertThatThrownBy(this::reopen)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("line 2");
        // a failed open releases the file: the next one fails for the same reason, not for being locked out
        assertThatThrownBy(this::reopen).hasMessageContaining("line 2").hasMessageNotContaining("in use");
    }

    @Test
    void aLastLineThatParsesButIsNotUnderstoodIsNotMistakenForATornOne() throws IOException {
        ledger.record(task(1));
        ledger.close();
        appendRaw("{\"v\":2,\"type\":\"task\",\"key\":\"EDIT_ASYNC/5\"}\n");
        ledger = null;

        assertThatThrownBy(this::reopen)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("version");
        assertThat(lines()).hasSize(2);
    }

    @Test
    void compactionKeepsTheFileBoundedAndEveryTaskIntact() throws IOException {
        int tasks = 10;
        int rounds = 300;
        for (int i = 0; i < tasks; i++) {
            ledger.record(task(i));
        }
        for (int round = 1; round <= rounds; round++) {
            for (int i = 0; i < tasks; i++) {
                ledger.claim(task(i).key(), "a", T0, T0.plusSeconds(30));
                ledger.reschedule(task(i).key(), "a", TaskStatus.PROCESSING, true, T0.plusSeconds(round));
            }
        }
        ledger.finish(task(0).key(), TaskStatus.DONE, T0.plusSeconds(rounds + 1));

        // 3011 changes made, yet at most the 1000 lines that set off a compaction
        assertThat(lines().size()).isBetween(tasks, 1000);
        assertThat(Path.of(file() + ".tmp")).doesNotExist();

        restart();
        assertThat(lines()).hasSize(tasks);
        assertThat(ledger.openCount()).isEqualTo(tasks - 1);
        for (int i = 1; i < tasks; i++) {
            TrackedTask task = ledger.find(task(i).key()).orElseThrow();
            assertThat(task.polls()).isEqualTo(rounds);
            assertThat(task.nextPollAt()).isEqualTo(T0.plusSeconds(rounds));
            assertThat(task.correlation()).containsEntry("orderId", "order-" + i);
        }
        assertThat(ledger.find(task(0).key()).orElseThrow().state()).isEqualTo(LedgerEntryState.FINISHED);
    }

    @Test
    void aSecondLedgerOnTheSameFileFailsFastUntilTheFirstIsClosed() {
        Path sameFileOtherSpelling = dir.resolve("ledger").resolve("..").resolve("ledger").resolve("tasks.jsonl");
        ledger.record(task(1));

        assertThatThrownBy(this::reopen)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("is in use by another process")
                .hasMessageContaining("use JdbcTaskLedger for several");
        assertThatThrownBy(() -> new FileTaskLedger(sameFileOtherSpelling)).hasMessageContaining("in use");

        ledger.record(task(2));
        restart();
        assertThat(ledger.openCount()).isEqualTo(2);
    }

    @Test
    void anotherProcessCannotOpenTheFileWhileThisOneHasIt() throws Exception {
        ledger.record(task(1));
        // a refused open in this JVM must not drop the lock that keeps other processes out
        assertThatThrownBy(this::reopen).hasMessageContaining("in use");

        Process other = startProcess("open", file().toString());
        String said = firstLine(other);
        assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(said).contains("is in use by another process").contains(file().toString());

        ledger.close();
        Process after = startProcess("open", file().toString());
        assertThat(firstLine(after)).isEqualTo("opened");
        assertThat(after.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void everyChangeSurvivesAKillMinus9() throws Exception {
        ledger.close();
        int count = 60;
        Process worker = startProcess("work", file().toString(), Integer.toString(count));
        assertThat(firstLine(worker)).isEqualTo("ready");
        worker.destroyForcibly();
        assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();

        ledger = reopen();
        assertThat(ledger.openCount()).isEqualTo(count - count / 3);
        for (int i = 0; i < count; i++) {
            TrackedTask task = ledger.find(new TaskKey(TaskKind.AI_EDIT, i)).orElseThrow();
            assertThat(task.owner()).isNull();
            assertThat(task.leaseUntil()).isNull();
            if (i % 3 == 0) {
                assertThat(task.state()).isEqualTo(LedgerEntryState.FINISHED);
            } else {
                assertThat(task.polls()).isEqualTo(1);
                assertThat(task.deliveredOutputs()).containsExactly(0);
                assertThat(task.lastStatus()).isEqualTo(TaskStatus.PROCESSING);
            }
        }
        assertThat(ledger.claim(new TaskKey(TaskKind.AI_EDIT, 1), "new", T0, T0.plusSeconds(5))).isPresent();
    }

    @Test
    void purgedTasksStayGoneAfterReopen() {
        ledger.record(task(1));
        ledger.record(task(2));
        ledger.finish(task(1).key(), TaskStatus.DONE, T0.plusSeconds(1));
        assertThat(ledger.purgeFinished(T0.plusSeconds(2))).isEqualTo(1);
        restart();

        assertThat(ledger.find(task(1).key())).isEmpty();
        assertThat(ledger.find(task(2).key())).isPresent();
        // a purged key may come back as a new task
        assertThat(ledger.record(task(1))).isTrue();
        restart();
        assertThat(ledger.find(task(1).key()).orElseThrow().isOpen()).isTrue();
    }

    @Test
    void thousandsOfTasksRecordedFinishedAndPurgedSurviveReopen() throws IOException {
        int count = 2000;
        for (int i = 0; i < count; i++) {
            assertThat(ledger.record(task(i))).isTrue();
        }
        for (int i = 0; i < count; i += 2) {
            ledger.finish(task(i).key(), TaskStatus.DONE, T0.plusSeconds(i));
        }
        // below 4 lines per task: not compacted yet
        assertThat(lines()).hasSize(count + count / 2);

        restart();
        assertThat(lines()).hasSize(count);
        assertThat(ledger.openCount()).isEqualTo(count / 2);
        assertThat(ledger.find(task(1998).key()).orElseThrow().finishedAt()).isEqualTo(T0.plusSeconds(1998));

        assertThat(ledger.purgeFinished(T0.plusSeconds(count))).isEqualTo(count / 2);
        restart();
        assertThat(lines()).hasSize(count / 2);
        assertThat(ledger.openCount()).isEqualTo(count / 2);
        assertThat(ledger.find(task(0).key())).isEmpty();
        assertThat(ledger.due(T0.plusSeconds(2), count)).hasSize(count / 2);
    }

    @Test
    void aHoldIsNeverWrittenEvenWhenADurableChangeIsMadeWhileHeld() throws IOException {
        ledger.record(task(1));
        ledger.claim(task(1).key(), "holder-a", T0, T0.plusSeconds(3600));
        ledger.outputDelivered(task(1).key(), "holder-a", 0);

        assertThat(Files.readString(file())).doesNotContain("holder-a").doesNotContain("owner")
                .doesNotContain("lease");
    }

    @Test
    void operationsAfterCloseThrow() {
        ledger.record(task(1));
        ledger.close();
        ledger.close();

        assertThatThrownBy(() -> ledger.record(task(2))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> ledger.find(task(1).key())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ledger.claim(task(1).key(), "a", T0, T0)).isInstanceOf(IllegalStateException.class);
    }

    private static Process startProcess(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FileTaskLedgerProcess.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String firstLine(Process process) throws IOException {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }
}
