package io.github.camelclaid.testserver;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

import io.github.camelclaid.s3.LocalS3Server;

/**
 * Every setting of {@link LocalServers}: an option, the environment variable that sets it when the option is not
 * given, the value it takes, what it does and its default. {@link LaunchSettings} reads them, {@link #help()} lists
 * them; the Claid server's defaults are read from a new {@link LocalClaidServer.Builder}, their one home.
 */
enum LaunchOption {

    PORT(Section.CLAID, "--port", "CLAID_LOCAL_PORT", "<port>",
            "the port on 127.0.0.1; 0 picks a free one",
            d -> Integer.toString(d.port())),
    API_KEY(Section.CLAID, "--api-key", "CLAID_LOCAL_API_KEY", "<key>",
            "the one key accepted, as Authorization: Bearer <key>",
            ServerSettings::apiKey),
    DEFAULT_INPUT_SIZE(Section.CLAID, "--default-input-size", "CLAID_LOCAL_DEFAULT_INPUT_SIZE", "<width>x<height>",
            "the size assumed for inputs the server does not read (URLs on other hosts than this one, storages without"
                    + " S3 behind them)",
            d -> OptionValues.format(d.defaultInputSize())),
    BATCH_FOLDER_SIZE(Section.CLAID, "--batch-folder-size", "CLAID_LOCAL_BATCH_FOLDER_SIZE", "<images>",
            "how many images a batch finds in a storage folder without S3 behind it",
            d -> Integer.toString(d.batchFolderSize())),
    OUTPUT_SIZE(Section.CLAID, "--output-size", "CLAID_LOCAL_OUTPUT_SIZE", "<bytes>",
            "pads every output served at a tmp_url with zero bytes after the image, up to this size, streamed rather"
                    + " than held: for testing downloads of large results",
            d -> Long.toString(d.outputSize())),

    ACCEPTED_FOR(Section.TASKS, "--accepted-for", "CLAID_LOCAL_ACCEPTED_FOR", "<duration>",
            "how long an async task stays ACCEPTED (a video: PROCESSING); durations as 250ms, 2s, 1m or PT1.5S",
            d -> OptionValues.format(d.acceptedFor())),
    PROCESSING_FOR(Section.TASKS, "--processing-for", "CLAID_LOCAL_PROCESSING_FOR", "<duration>",
            "then how long it stays PROCESSING before it ends",
            d -> OptionValues.format(d.processingFor())),
    PROCESSING_SPREAD(Section.TASKS, "--processing-spread", "CLAID_LOCAL_PROCESSING_SPREAD", "<duration>",
            "a random extra processing time per task, up to this, so that tasks end in no set order",
            d -> OptionValues.format(d.processingSpread())),
    RANDOM_SEED(Section.TASKS, "--random-seed", "CLAID_LOCAL_RANDOM_SEED", "<number>",
            "the seed of that spread, for repeatable runs",
            d -> Long.toString(d.randomSeed())),

    RATE_LIMIT(Section.RATE_LIMIT, "--rate-limit", "CLAID_LOCAL_RATE_LIMIT", "<budget>",
            "requests allowed per API key before a 429: generous, claid (Claid's default for an account) or"
                    + " <n>/min,<n>/s",
            d -> OptionValues.format(d.rateLimit())),
    RATE_LIMIT_STATUS_POLLS(Section.RATE_LIMIT, "--rate-limit-status-polls", "CLAID_LOCAL_RATE_LIMIT_STATUS_POLLS",
            "<true|false>", "whether task status GETs count against the budget",
            d -> Boolean.toString(d.rateLimitStatusPolls())),
    RATE_LIMIT_HEADERS(Section.RATE_LIMIT, "--rate-limit-headers", "CLAID_LOCAL_RATE_LIMIT_HEADERS", "<true|false>",
            "whether answers carry the RateLimit-* headers; false plays a proxy or gateway that drops them (the budget"
                    + " still holds, and its 429s come without them)",
            d -> Boolean.toString(d.rateLimitHeaders())),

    WEBHOOK_URL(Section.WEBHOOKS, "--webhook-url", "CLAID_LOCAL_WEBHOOK_URL", "<url>",
            "sends a notification of every finished async task (not videos) to this URL",
            d -> "none: webhooks off"),
    WEBHOOK_SECRET(Section.WEBHOOKS, "--webhook-secret", "CLAID_LOCAL_WEBHOOK_SECRET", "<secret>",
            "signs the notifications with this secret (X-Claid-Hmac-SHA256)",
            d -> "none: unsigned"),
    WEBHOOK_SIGNATURE(Section.WEBHOOKS, "--webhook-signature", "CLAID_LOCAL_WEBHOOK_SIGNATURE", "<prefixed|bare-hex>",
            "the signature as sha256=<hex> or as bare hex",
            d -> OptionValues.format(d.webhookSignatureStyle())),
    WEBHOOK_TIMEOUT(Section.WEBHOOKS, "--webhook-timeout", "CLAID_LOCAL_WEBHOOK_TIMEOUT", "<duration>",
            "how long one delivery attempt may take",
            d -> OptionValues.format(d.webhookTimeout())),
    WEBHOOK_TIME_SCALE(Section.WEBHOOKS, "--webhook-time-scale", "CLAID_LOCAL_WEBHOOK_TIME_SCALE", "<factor>",
            "multiplies the waits between delivery attempts (3, 6, 12 s): 0.01 makes them 30, 60, 120 ms",
            d -> Double.toString(d.webhookTimeScale())),

    START_S3(Section.S3, "--start-s3", "CLAID_LOCAL_START_S3", null,
            "starts a local S3 server (S3Proxy, in a child JVM) too, creates the buckets of the --storage options in"
                    + " it, and backs the s3 storages with it: inputs are read from and outputs written to its buckets",
            d -> "false"),
    S3_PORT(Section.S3, "--s3-port", "CLAID_LOCAL_S3_PORT", "<port>",
            "the port of that S3 server on 127.0.0.1; 0 picks a free one",
            d -> "0"),
    S3_DIR(Section.S3, "--s3-dir", "CLAID_LOCAL_S3_DIR", "<directory>",
            "keeps that S3 server's objects in this directory, across runs",
            d -> "in memory"),
    S3_WORK_DIR(Section.S3, "--s3-work-dir", "CLAID_LOCAL_S3_WORK_DIR", "<directory>",
            "that S3 server's configuration, log and PID files",
            d -> defaultS3WorkDir().toString()),
    S3_ENDPOINT(Section.S3, "--s3-endpoint", "CLAID_LOCAL_S3_ENDPOINT", "<url>",
            "instead of --start-s3: backs the s3 storages with buckets at this S3-compatible endpoint (path-style,"
                    + " region us-east-1); its buckets are not created",
            d -> "none: s3 storages are names only"),
    S3_ACCESS_KEY(Section.S3, "--s3-access-key", "CLAID_LOCAL_S3_ACCESS_KEY", "<key>",
            "the access key of the started S3 server, or the one to sign with at --s3-endpoint",
            d -> LocalS3Server.DEFAULT_ACCESS_KEY),
    S3_SECRET_KEY(Section.S3, "--s3-secret-key", "CLAID_LOCAL_S3_SECRET_KEY", "<key>",
            "its secret key",
            d -> LocalS3Server.DEFAULT_SECRET_KEY),
    STORAGE(Section.S3, "--storage", "CLAID_LOCAL_S3_STORAGES", "<name>=<bucket>[/<path>/]",
            "connects an s3 storage from the start, so that storage://<name>/... works without the storage API;"
                    + " repeat the option for more (the variable: a comma-separated list)",
            d -> "none");

    /** The headings of {@link #help()}, in order. */
    enum Section {
        CLAID("Claid API"),
        TASKS("Async tasks"),
        RATE_LIMIT("Rate limit"),
        WEBHOOKS("Webhooks"),
        S3("S3 and storage connectors");

        private final String heading;

        Section(String heading) {
            this.heading = heading;
        }
    }

    private static final int HELP_WIDTH = 110;
    private static final String HELP_INDENT = "        ";

    private final Section section;
    private final String flag;
    private final String variable;
    private final String valueName;
    private final String description;
    private final Function<ServerSettings, String> defaultValue;

    LaunchOption(Section section, String flag, String variable, String valueName, String description,
            Function<ServerSettings, String> defaultValue) {
        this.section = section;
        this.flag = flag;
        this.variable = variable;
        this.valueName = valueName;
        this.description = description;
        this.defaultValue = defaultValue;
    }

    String flag() {
        return flag;
    }

    String variable() {
        return variable;
    }

    /** A switch is given alone ({@code --start-s3}) or with {@code =true}/{@code =false}; every other takes a value. */
    boolean isSwitch() {
        return valueName == null;
    }

    static Optional<LaunchOption> byFlag(String flag) {
        return Arrays.stream(values()).filter(o -> o.flag.equals(flag)).findFirst();
    }

    /** Where the S3 server's files go unless {@link #S3_WORK_DIR} says: a fixed place, so orphans are found. */
    static Path defaultS3WorkDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "camel-claid", "s3proxy-work");
    }

    /** The text of {@code --help}: every option with its variable, its default and what it does. */
    static String help() {
        ServerSettings defaults = LocalClaidServer.builder().settings();
        StringBuilder text = new StringBuilder()
                .append("Usage: LocalServers [option]...\n")
                .append("Runs a local Claid-compatible server on 127.0.0.1 (and, with --start-s3, a local S3 server)\n")
                .append("until Ctrl+C. Each option can be set by its environment variable instead; the option wins.\n")
                .append("Options take their value as --option value or --option=value.\n");
        Section current = null;
        for (LaunchOption option : values()) {
            if (option.section != current) {
                current = option.section;
                text.append('\n').append(current.heading).append('\n');
            }
            String usage = option.isSwitch() ? option.flag : option.flag + " " + option.valueName;
            text.append(String.format("  %-44s %s%n", usage, option.variable));
            wrap(option.description + ". Default: " + option.defaultValue.apply(defaults) + ".", text);
        }
        return text.append("\n  --help, -h\n").append(HELP_INDENT).append("prints this and exits\n").toString();
    }

    private static void wrap(String prose, StringBuilder text) {
        StringBuilder line = new StringBuilder(HELP_INDENT);
        for (String word : prose.split(" ")) {
            if (line.length() > HELP_INDENT.length() && line.length() + 1 + word.length() > HELP_WIDTH) {
                text.append(line).append('\n');
                line = new StringBuilder(HELP_INDENT);
            } else if (line.length() > HELP_INDENT.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        text.append(line).append('\n');
    }
}
