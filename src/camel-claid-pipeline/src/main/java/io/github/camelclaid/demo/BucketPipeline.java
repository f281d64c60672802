package io.github.camelclaid.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelclaid.component.ClaidComponent;
import io.github.camelclaid.s3.LocalS3Server;
import io.github.camelclaid.testserver.LocalClaidServer;
import org.apache.camel.main.Main;

/**
 * Runs {@code routes/bucket-pipeline.yaml} on Camel Main with {@code routes/application.properties}, as a user would,
 * with some settings overridden: the demo, the tests and the restart test's child process all start it here.
 */
public final class BucketPipeline {

    public static final String INPUT_BUCKET = "claid-incoming";
    public static final String OUTPUT_BUCKET = "claid-processed";

    private BucketPipeline() {
    }

    /**
     * A Camel Main for the pipeline with these settings over the ones in {@code routes/application.properties}. The
     * API key, when given, is set on the claid component in Java, standing in for the {@code CLAID_API_KEY} the
     * component otherwise reads from the environment: never a Camel property, which Camel would log at DEBUG.
     */
    public static Main main(Map<String, String> overrides, String apiKey) {
        Path routes = routesDir();
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + routes.resolve("application.properties"));
        main.addOverrideProperty("pipeline.routes-dir", routes.toString());
        overrides.forEach(main::addOverrideProperty);
        if (apiKey != null) {
            ClaidComponent claid = new ClaidComponent();
            claid.getConfiguration().setApiKey(apiKey);
            main.bind("claid", claid);
        }
        return main;
    }

    /**
     * The repository's {@code routes/}: under the working directory, or under the nearest folder above it that has one
     * (a module's tests run in the module's folder).
     */
    public static Path routesDir() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path routes = dir.resolve("routes");
            if (Files.isRegularFile(routes.resolve("bucket-pipeline.yaml"))) {
                return routes;
            }
        }
        throw new IllegalStateException("No routes/bucket-pipeline.yaml in " + start + " or a folder above it: run the "
                + "pipeline from the repository's top folder");
    }

    /**
     * The settings pointing the pipeline at a local Claid server and a local S3 server, keeping its state in a dir.
     * The key is not among them (see {@link #main}).
     */
    public static Map<String, String> local(LocalClaidServer claid, LocalS3Server s3, Path stateDir) {
        return local(claid.baseUrl(), s3, stateDir);
    }

    public static Map<String, String> local(String baseUrl, LocalS3Server s3, Path stateDir) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("camel.component.claid.base-url", baseUrl);
        settings.putAll(s3.camelProperties());
        settings.put("camel.component.aws2-s3.use-default-credentials-provider", "false");
        settings.put("pipeline.input-bucket", INPUT_BUCKET);
        settings.put("pipeline.output-bucket", OUTPUT_BUCKET);
        settings.put("pipeline.state-dir", stateDir.toString());
        return settings;
    }
}
