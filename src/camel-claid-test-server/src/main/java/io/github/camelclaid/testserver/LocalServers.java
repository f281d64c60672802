package io.github.camelclaid.testserver;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelclaid.s3.LocalS3Server;

/**
 * The command line of this module: a {@link LocalClaidServer}, and with {@code --start-s3} a {@link LocalS3Server}
 * behind its {@code s3} storages, on 127.0.0.1 until Ctrl+C, for running an application offline. {@code --help} lists
 * every setting, each an option and an environment variable.
 *
 * <pre>
 * ./mvnw -q -pl src/camel-claid-test-server exec:java -Dexec.args="--port 8089 --start-s3 --storage incoming=claid-incoming"
 * java -jar camel-claid-test-server-&lt;version&gt;-standalone.jar --help
 * </pre>
 */
public final class LocalServers implements AutoCloseable {

    private final LocalS3Server s3;
    private final LocalClaidServer claid;

    private LocalServers(LocalS3Server s3, LocalClaidServer claid) {
        this.s3 = s3;
        this.claid = claid;
    }

    /** Runs the servers until the JVM is stopped; exits with 2 on a wrong command line, 1 when they cannot start. */
    public static void main(String[] args) throws InterruptedException {
        // the standalone jar carries no SLF4J provider: the libraries' logs are not this command's output, and SLF4J's
        // warning that they go nowhere would stand before the banner
        System.getProperties().putIfAbsent("slf4j.internal.verbosity", "ERROR");
        LaunchSettings settings;
        try {
            settings = LaunchSettings.parse(args, System.getenv());
        } catch (UsageException e) {
            System.err.println("LocalServers: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (settings.helpRequested()) {
            System.out.print(LaunchOption.help());
            return;
        }
        LocalServers servers;
        try {
            servers = start(settings);
        } catch (RuntimeException e) {
            System.err.println("LocalServers: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(servers::close, "local-servers-shutdown"));
        System.out.print(servers.banner());
        System.out.flush();
        servers.claid.awaitClose();
    }

    /** Starts the S3 server first when asked for (creating the storages' buckets in it), then the Claid server. */
    static LocalServers start(LaunchSettings settings) {
        LocalClaidServer.Builder claidSettings = settings.claid();
        Optional<LocalS3Server.Builder> s3Settings = settings.s3ToStart();
        LocalS3Server s3 = s3Settings.map(b -> b.build().start()).orElse(null);
        try {
            if (s3 != null) {
                storageBuckets(claidSettings).forEach(s3::createBucket);
                claidSettings.s3Endpoint(s3.endpoint(), s3.accessKey(), s3.secretKey());
            }
            return new LocalServers(s3, claidSettings.build().start());
        } catch (RuntimeException e) {
            if (s3 != null) {
                s3.close();
            }
            throw e;
        }
    }

    LocalClaidServer claid() {
        return claid;
    }

    Optional<LocalS3Server> s3() {
        return Optional.ofNullable(s3);
    }

    /** Where the servers listen, the key to use, whether webhooks are on, and what backs the storages. */
    String banner() {
        ServerSettings settings = claid.settings();
        StringBuilder text = new StringBuilder()
                .append("LocalServers: Claid-compatible API at ").append(claid.baseUrl()).append("/v1/...\n")
                .append(row("API key", settings.apiKey() + "   (Authorization: Bearer " + settings.apiKey() + ")"))
                .append(row("webhooks", webhooks(settings)))
                .append(row("async tasks", "ACCEPTED for " + OptionValues.format(settings.acceptedFor())
                        + ", then PROCESSING for " + OptionValues.format(settings.processingFor())
                        + (settings.processingSpread().isZero() ? ""
                                : " + up to " + OptionValues.format(settings.processingSpread()))))
                .append(row("rate limit", OptionValues.format(settings.rateLimit())))
                .append(row("S3", s3Backing(settings)));
        settings.storages().forEach(storage -> text.append(row("storage", "storage://" + storage.name() + "/ = bucket "
                + storage.bucket() + (storage.path().isEmpty() ? "" : ", key prefix " + storage.path()))));
        text.append(row("camel-claid", "CLAID_BASE_URL=" + claid.baseUrl() + " CLAID_API_KEY=" + settings.apiKey()));
        if (s3 != null) {
            s3.camelProperties().forEach((key, value) -> text.append(row("aws2-s3", key + "=" + value)));
        }
        return text.append("Stop with Ctrl+C.\n").toString();
    }

    private static String webhooks(ServerSettings settings) {
        if (settings.webhook() == null) {
            return "off (" + LaunchOption.WEBHOOK_URL.flag() + " turns them on)";
        }
        return "on: finished tasks are POSTed to " + settings.webhook().url() + ", "
                + (settings.webhook().secret() == null ? "unsigned" : "signed with the secret given");
    }

    private String s3Backing(ServerSettings settings) {
        if (s3 != null) {
            return "LocalS3Server at " + s3.endpoint() + " (path-style, region " + s3.region() + "), access key "
                    + s3.accessKey() + ", secret key " + s3.secretKey() + ", objects "
                    + s3.storageDirectory().map(d -> "in " + d).orElse("in memory") + ", log " + s3.logFile();
        }
        if (settings.s3Endpoint() != null) {
            return "s3 storages are buckets at " + settings.s3Endpoint().endpoint() + ", access key "
                    + settings.s3Endpoint().accessKey();
        }
        return "none: s3 storages are names only (" + LaunchOption.START_S3.flag() + " or "
                + LaunchOption.S3_ENDPOINT.flag() + " makes them buckets)";
    }

    private static String row(String label, String value) {
        return String.format("  %-12s %s%n", label, value);
    }

    private static Set<String> storageBuckets(LocalClaidServer.Builder claidSettings) {
        return claidSettings.settings().storages().stream().map(ServerSettings.StoragePreset::bucket)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Stops the Claid server, then the S3 server. */
    @Override
    public void close() {
        claid.close();
        if (s3 != null) {
            s3.close();
        }
    }
}
