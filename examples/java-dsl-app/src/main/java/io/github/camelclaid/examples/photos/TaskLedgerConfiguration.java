package io.github.camelclaid.examples.photos;

import java.nio.file.Path;

import io.github.camelclaid.ledger.FileTaskLedger;
import io.github.camelclaid.ledger.TaskLedger;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;

/**
 * Where the Claid tasks in flight are kept. The default ledger lives in memory, so a restart would forget the tasks
 * Claid is still working on (already paid for) and never write their results; a file ledger survives restarts and
 * crashes, and the {@code claid:tasks} route picks those tasks up again when the application comes back.
 */
public class TaskLedgerConfiguration implements CamelConfiguration {

    /**
     * The ledger the component uses ({@code camel.component.claid.task-ledger = #bean:claidTasks}). A ledger you
     * configure is yours to close, which Camel does on shutdown through {@code destroyMethod}; that also releases the
     * file's lock.
     */
    @BindToRegistry(value = "claidTasks", destroyMethod = "close")
    public TaskLedger claidTasks(@PropertyInject("app.state-dir") String stateDir) {
        return new FileTaskLedger(Path.of(stateDir, "claid-tasks.jsonl"));
    }
}
