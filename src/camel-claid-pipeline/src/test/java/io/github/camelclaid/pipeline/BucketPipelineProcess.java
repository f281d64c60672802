package io.github.camelclaid.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelclaid.demo.BucketPipeline;
import io.github.camelclaid.support.ChildJvm;
import org.apache.camel.Route;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * The bucket pipeline ({@code routes/bucket-pipeline.yaml} on Camel Main, through {@link BucketPipeline#main}) in a JVM
 * of its own, for {@link BucketPipelineRestartIT} to kill and start again. Its settings (the local Claid server's
 * URL and key, the local S3 server's endpoint and keys, the state dir, the poll settings) come from a properties file
 * that the test writes; they override {@code routes/application.properties} as a user's environment would. Both
 * servers live in the test's JVM, so they outlive this process.
 *
 * <p>
 * Lines on stdout for the test: {@code STARTED} once Camel Main has started the routes, and {@code POLLS <n>} each
 * time the input route has listed the bucket again (so the test can let a few more polls pass without a sleep). The
 * rest is the pipeline's own log.
 *
 * <p>
 * Usage: {@code BucketPipelineProcess /path/pipeline.properties}
 */
public final class BucketPipelineProcess {

    static final String STARTED = "STARTED";
    static final String POLLS = "POLLS ";

    private BucketPipelineProcess() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BucketPipelineProcess <settings.properties>");
            System.exit(2);
        }
        // the API key comes from CLAID_API_KEY in this process's environment, as for a user
        Main main = BucketPipeline.main(settings(Path.of(args[0])), null);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                ChildJvm.say(STARTED);
                reportPolls(started.getCamelContext().getRoute("claid-pipeline-in"));
            }
        });
        main.run();
    }

    private static Map<String, String> settings(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }

    /**
     * Prints the input route's poll count whenever it changed; a daemon thread outside Camel, so the pipeline under
     * test is exactly the one of {@code routes/}.
     */
    private static void reportPolls(Route route) {
        if (!(route.getConsumer() instanceof ScheduledPollConsumer consumer)) {
            throw new IllegalStateException("The input route's consumer is not a polling one: " + route.getConsumer());
        }
        AtomicLong reported = new AtomicLong(-1);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "poll-reporter");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            long polls = consumer.getCounter();
            if (reported.getAndSet(polls) != polls) {
                ChildJvm.say(POLLS + polls);
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
    }

}
