package io.github.camelclaid.ledger;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.client.model.TaskStatus;

/**
 * A second JVM for {@link FileTaskLedgerIT}: another process opening the same file, or a process killed with the
 * ledger open. {@code open FILE} prints "opened" or the error; {@code work FILE N} records N tasks, reschedules and
 * delivers some, finishes a few, prints "ready" and waits on stdin to be killed.
 */
public final class FileTaskLedgerProcess {

    private FileTaskLedgerProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        if (args[0].equals("open")) {
            try (FileTaskLedger ledger = new FileTaskLedger(file)) {
                System.out.println("opened");
            } catch (IllegalStateException e) {
                System.out.println(e.getMessage());
            }
            return;
        }
        int count = Integer.parseInt(args[2]);
        FileTaskLedger ledger = new FileTaskLedger(file);
        Instant t0 = Instant.parse("2026-11-21T10:00:00Z");
        for (int i = 0; i < count; i++) {
            TaskKey key = new TaskKey(TaskKind.AI_EDIT, i);
            ledger.record(TrackedTask.submitted(key, "http://x/" + i, t0, TaskStatus.ACCEPTED, Map.of("n", "" + i), t0));
            ledger.claim(key, "worker", t0, t0.plusSeconds(60));
            if (i % 3 == 0) {
                ledger.finish(key, TaskStatus.DONE, t0.plusSeconds(1));
            } else {
                ledger.outputDelivered(key, "worker", 0);
                ledger.reschedule(key, "worker", TaskStatus.PROCESSING, true, t0.plusSeconds(i));
            }
        }
        // left claimed: a killed process must not hold it after a restart
        ledger.claim(new TaskKey(TaskKind.AI_EDIT, 1), "worker", t0, t0.plusSeconds(3600));
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
