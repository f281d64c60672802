package io.github.camelclaid.component;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.camelclaid.support.ChildJvm;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The application {@link TaskLedgerRestartIT} starts, kills and starts again in a JVM of its own: Camel Main
 * configured the way a user configures it, by a properties file given with Camel's {@code -pl file:...} option (the
 * Claid API key and base URL, and the {@code FileTaskLedger} set on the component so that the producer and the tasks
 * consumer share it).
 *
 * <p>
 * Two routes. {@code submit} sends images numbered 0 to {@code pipeline.submit - 1} to {@code claid:editAsync},
 * keeping the header {@code ImageNo} with each task; it submits nothing unless {@code --submit=N} is given, so a
 * restart only reports. Images numbered {@code pipeline.hold-from} and up have the local Claid server's {@code hold}
 * marker in their URL: they stay in flight until the test releases them. {@code report} takes each finished task from
 * {@code claid:tasks} and appends {@code <task id> <status> <ImageNo>} to {@code pipeline.output}, synced to disk
 * before the route completes (and so before the ledger marks the task finished).
 *
 * <p>
 * Lines on stdout for the test to wait on: {@code STARTED}; {@code SUBMITTED <task id> <ImageNo>} once a task is
 * accepted and recorded in the ledger (the producer records it before the exchange goes on); {@code EMITTED <task id>
 * <status> <ImageNo>} once its output line is on disk.
 *
 * <p>
 * Usage: {@code TaskPipelineProcess -pl file:/path/application.properties [--submit=N]}
 */
public final class TaskPipelineProcess {

    /** Prefixes of the lines this process prints for the test. */
    static final String STARTED = "STARTED";
    static final String SUBMITTED = "SUBMITTED ";
    static final String EMITTED = "EMITTED ";
    /** The correlation header kept with each task. */
    static final String IMAGE_NO = "ImageNo";

    private TaskPipelineProcess() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        List<String> camelArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--submit=")) {
                main.addOverrideProperty("pipeline.submit", arg.substring("--submit=".length()));
            } else {
                camelArgs.add(arg);
            }
        }
        main.configure().addRoutesBuilder(new Routes());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                ChildJvm.say(STARTED);
            }
        });
        main.run(camelArgs.toArray(String[]::new));
    }


    /** The submitting and the reporting route; their settings come from the properties. */
    static final class Routes extends RouteBuilder {

        @Override
        public void configure() {
            int holdFrom = Integer.parseInt(getContext().resolvePropertyPlaceholders(
                    "{{pipeline.hold-from:" + Integer.MAX_VALUE + "}}"));
            Path output = Path.of(getContext().resolvePropertyPlaceholders("{{pipeline.output}}"));

            from("timer:submit?repeatCount=1&delay=0").routeId("submit")
                    // a copy per image, so no header of one submission (task id, status) leaks into the next
                    .loop(simple("{{pipeline.submit:0}}")).copy()
                        .process(e -> {
                            int no = e.getProperty(Exchange.LOOP_INDEX, Integer.class);
                            e.getMessage().setHeader(IMAGE_NO, no);
                            e.getMessage().setBody("https://images.example/restart/" + (no >= holdFrom ? "hold/" : "")
                                    + "image-" + no + ".jpg");
                        })
                        .to("claid:editAsync?correlationHeaders=" + IMAGE_NO + "&operations=RAW({})")
                        .process(e -> ChildJvm.say(SUBMITTED + e.getMessage().getHeader(ClaidConstants.TASK_ID) + " "
                                + e.getMessage().getHeader(IMAGE_NO)))
                    .end();

            from("claid:tasks?delay=20").routeId("report")
                    .process(e -> append(output, e.getMessage()));
        }

        /** Appends the task's line and syncs it; synchronized so two reports never interleave their bytes. */
        private static synchronized void append(Path output, Message message) throws IOException {
            String line = message.getHeader(ClaidConstants.TASK_ID) + " "
                    + message.getHeader(ClaidConstants.TASK_STATUS) + " " + message.getHeader(IMAGE_NO);
            // on disk before the route completes: the ledger marks the task finished only after that
            ChildJvm.appendSynced(output, line);
            ChildJvm.say(EMITTED + line);
        }
    }
}
