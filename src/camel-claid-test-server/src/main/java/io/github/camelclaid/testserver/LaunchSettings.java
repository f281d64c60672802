package io.github.camelclaid.testserver;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.camelclaid.s3.LocalS3Server;

/**
 * What {@link LocalServers} is to start, read from its arguments and environment: every value is checked here, before
 * anything starts, and an error names the option or variable it came from.
 */
final class LaunchSettings {

    /** Where a setting came from ({@code --port} or {@code CLAID_LOCAL_PORT}) and its values (several: --storage). */
    private record Given(String source, List<String> values) {

        String value() {
            return values.get(values.size() - 1);
        }
    }

    private final LocalClaidServer.Builder claid = LocalClaidServer.builder();
    private final LocalS3Server.Builder s3 = LocalS3Server.builder().workDir(LaunchOption.defaultS3WorkDir());
    private final Map<LaunchOption, Given> given = new EnumMap<>(LaunchOption.class);
    private boolean help;
    private boolean startS3;
    private URI webhookUrl;
    private String webhookSecret;
    private URI s3Endpoint;
    private String s3AccessKey = LocalS3Server.DEFAULT_ACCESS_KEY;
    private String s3SecretKey = LocalS3Server.DEFAULT_SECRET_KEY;

    private LaunchSettings() {
    }

    /**
     * @throws UsageException for an unknown option, a missing or wrong value, or settings that contradict each other
     */
    static LaunchSettings parse(String[] args, Map<String, String> env) {
        LaunchSettings settings = new LaunchSettings();
        settings.readEnvironment(env);
        settings.readArguments(args);
        settings.given.forEach(settings::apply);
        settings.combine();
        return settings;
    }

    boolean helpRequested() {
        return help;
    }

    /** The Claid server's settings; with {@link #s3ToStart()}, its S3 endpoint is that server's, once started. */
    LocalClaidServer.Builder claid() {
        return claid;
    }

    /** The S3 server to start first, when asked for. */
    Optional<LocalS3Server.Builder> s3ToStart() {
        return startS3 ? Optional.of(s3) : Optional.empty();
    }

    private void readEnvironment(Map<String, String> env) {
        for (LaunchOption option : LaunchOption.values()) {
            String value = env.get(option.variable());
            if (value != null && !value.isBlank()) {
                List<String> values = option == LaunchOption.STORAGE
                        ? Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList()
                        : List.of(value.trim());
                given.put(option, new Given(option.variable(), values));
            }
        }
    }

    /** Options override variables; only {@code --storage} may be repeated, the others' last value counts. */
    private void readArguments(String[] args) {
        Map<LaunchOption, List<String>> fromArgs = new EnumMap<>(LaunchOption.class);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("Unexpected argument '" + arg + "': options start with --");
            }
            int equals = arg.indexOf('=');
            String flag = equals < 0 ? arg : arg.substring(0, equals);
            LaunchOption option = LaunchOption.byFlag(flag)
                    .orElseThrow(() -> new UsageException("Unknown option " + flag));
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (option.isSwitch()) {
                value = "true";
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new UsageException(flag + " needs a value");
            }
            fromArgs.computeIfAbsent(option, o -> new ArrayList<>()).add(value.trim());
        }
        fromArgs.forEach((option, values) -> given.put(option, new Given(option.flag(), values)));
    }

    private void apply(LaunchOption option, Given setting) {
        String value = setting.value();
        try {
            switch (option) {
                case PORT -> claid.port(OptionValues.integer(value));
                case API_KEY -> claid.apiKey(value);
                case DEFAULT_INPUT_SIZE -> {
                    PixelSize size = OptionValues.size(value);
                    claid.defaultInputSize(size.width(), size.height());
                }
                case BATCH_FOLDER_SIZE -> claid.batchFolderSize(OptionValues.integer(value));
                case OUTPUT_SIZE -> claid.outputSize(OptionValues.longInteger(value));
                case ACCEPTED_FOR -> claid.acceptedFor(OptionValues.duration(value));
                case PROCESSING_FOR -> claid.processingFor(OptionValues.duration(value));
                case PROCESSING_SPREAD -> claid.processingSpread(OptionValues.duration(value));
                case RANDOM_SEED -> claid.randomSeed(OptionValues.longInteger(value));
                case RATE_LIMIT -> claid.rateLimit(OptionValues.budget(value));
                case RATE_LIMIT_STATUS_POLLS -> claid.rateLimitStatusPolls(OptionValues.bool(value));
                case RATE_LIMIT_HEADERS -> claid.rateLimitHeaders(OptionValues.bool(value));
                case WEBHOOK_URL -> webhookUrl = OptionValues.httpUrl(value);
                case WEBHOOK_SECRET -> webhookSecret = value;
                case WEBHOOK_SIGNATURE -> claid.webhookSignatureStyle(OptionValues.signatureStyle(value));
                case WEBHOOK_TIMEOUT -> claid.webhookTimeout(OptionValues.duration(value));
                case WEBHOOK_TIME_SCALE -> claid.webhookTimeScale(OptionValues.decimal(value));
                case START_S3 -> startS3 = OptionValues.bool(value);
                case S3_PORT -> s3.port(OptionValues.integer(value));
                case S3_DIR -> s3.storageDirectory(Path.of(value));
                case S3_WORK_DIR -> s3.workDir(Path.of(value));
                case S3_ENDPOINT -> s3Endpoint = OptionValues.httpUrl(value);
                case S3_ACCESS_KEY -> {
                    s3.accessKey(value);
                    s3AccessKey = value;
                }
                case S3_SECRET_KEY -> {
                    s3.secretKey(value);
                    s3SecretKey = value;
                }
                case STORAGE -> setting.values().stream().map(OptionValues::storage)
                        .forEach(s -> claid.s3Storage(s.name(), s.bucket(), s.path()));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(setting.source() + ": " + e.getMessage());
        }
    }

    /** The settings that only mean something together. */
    private void combine() {
        if (webhookSecret != null && webhookUrl == null) {
            throw new UsageException(source(LaunchOption.WEBHOOK_SECRET) + " needs " + LaunchOption.WEBHOOK_URL.flag());
        }
        if (webhookUrl != null) {
            claid.webhook(webhookUrl, webhookSecret);
        }
        if (startS3 && s3Endpoint != null) {
            throw new UsageException(source(LaunchOption.START_S3) + " and " + source(LaunchOption.S3_ENDPOINT)
                    + " exclude each other: start an S3 server, or use the one at the endpoint");
        }
        for (LaunchOption option : List.of(LaunchOption.S3_PORT, LaunchOption.S3_DIR, LaunchOption.S3_WORK_DIR)) {
            if (!startS3 && given.containsKey(option)) {
                throw new UsageException(source(option) + " is a setting of the S3 server " + LaunchOption.START_S3
                        .flag() + " starts");
            }
        }
        for (LaunchOption option : List.of(LaunchOption.S3_ACCESS_KEY, LaunchOption.S3_SECRET_KEY)) {
            if (!startS3 && s3Endpoint == null && given.containsKey(option)) {
                throw new UsageException(source(option) + " is a setting of " + LaunchOption.START_S3.flag() + " or "
                        + LaunchOption.S3_ENDPOINT.flag());
            }
        }
        if (s3Endpoint != null) {
            claid.s3Endpoint(s3Endpoint, s3AccessKey, s3SecretKey);
        }
    }

    private String source(LaunchOption option) {
        return given.get(option).source();
    }
}
