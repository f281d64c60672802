package io.github.camelclaid.testserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camelclaid.s3.LocalS3Server;

/** The command line and environment of {@link LocalServers}, read without starting anything. */
class LaunchSettingsTest {

    private static LaunchSettings parse(String... args) {
        return LaunchSettings.parse(args, Map.of());
    }

    private static ServerSettings claid(LaunchSettings settings) {
        return settings.claid().settings();
    }

    @Test
    void nothingGivenIsTheBuildersDefaults() {
        LaunchSettings settings = parse();

        assertThat(claid(settings)).isEqualTo(LocalClaidServer.builder().settings());
        assertThat(claid(settings).apiKey()).isEqualTo(LocalClaidServer.DEFAULT_API_KEY);
        assertThat(settings.s3ToStart()).isEmpty();
        assertThat(settings.helpRequested()).isFalse();
    }

    @Test
    void everyClaidOptionReachesTheServersSettings() {
        ServerSettings claid = claid(parse("--port", "8089", "--api-key=demo-key", "--default-input-size", "800x600",
                "--batch-folder-size", "5", "--accepted-for", "1s", "--processing-for", "PT2.5S",
                "--processing-spread", "250ms", "--random-seed", "7", "--rate-limit", "120/min,4/s",
                "--rate-limit-status-polls", "false", "--rate-limit-headers", "false", "--webhook-url", "http://127.0.0.1:9/hook",
                "--webhook-secret", "hook-secret", "--webhook-signature", "bare-hex", "--webhook-timeout", "1m",
                "--webhook-time-scale", "0.01"));

        assertThat(claid.port()).isEqualTo(8089);
        assertThat(claid.apiKey()).isEqualTo("demo-key");
        assertThat(claid.defaultInputSize()).isEqualTo(new PixelSize(800, 600));
        assertThat(claid.batchFolderSize()).isEqualTo(5);
        assertThat(claid.acceptedFor()).isEqualTo(Duration.ofSeconds(1));
        assertThat(claid.processingFor()).isEqualTo(Duration.ofMillis(2500));
        assertThat(claid.processingSpread()).isEqualTo(Duration.ofMillis(250));
        assertThat(claid.randomSeed()).isEqualTo(7);
        assertThat(claid.rateLimit()).isEqualTo(RateLimitBudget.CLAID_DEFAULT);
        assertThat(claid.rateLimitStatusPolls()).isFalse();
        assertThat(claid.rateLimitHeaders()).isFalse();
        assertThat(claid.webhook()).isEqualTo(new WebhookDispatcher.Target(URI.create("http://127.0.0.1:9/hook"),
                "hook-secret"));
        assertThat(claid.webhookSignatureStyle()).isEqualTo(WebhookSignatureStyle.BARE_HEX);
        assertThat(claid.webhookTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(claid.webhookTimeScale()).isEqualTo(0.01);
    }

    @Test
    void environmentVariablesSetWhatNoOptionGives() {
        Map<String, String> env = Map.of("CLAID_LOCAL_PORT", "8090", "CLAID_LOCAL_API_KEY", "env-key",
                "CLAID_LOCAL_WEBHOOK_URL", "http://127.0.0.1:9/hook");

        ServerSettings fromEnv = claid(LaunchSettings.parse(new String[0], env));
        ServerSettings optionWins = claid(LaunchSettings.parse(new String[] { "--api-key", "flag-key" }, env));

        assertThat(fromEnv.port()).isEqualTo(8090);
        assertThat(fromEnv.apiKey()).isEqualTo("env-key");
        assertThat(fromEnv.webhook().url()).isEqualTo(URI.create("http://127.0.0.1:9/hook"));
        assertThat(fromEnv.webhook().secret()).isNull();
        assertThat(optionWins.apiKey()).isEqualTo("flag-key");
        assertThat(optionWins.port()).isEqualTo(8090);
    }

    @Test
    void storagesComeFromRepeatedOptionsOrACommaSeparatedVariable() {
        List<ServerSettings.StoragePreset> expected = List.of(
                new ServerSettings.StoragePreset("incoming", "claid-incoming", ""),
                new ServerSettings.StoragePreset("processed", "claid-processed", "out/"));

        assertThat(claid(parse("--storage", "incoming=claid-incoming", "--storage=processed=claid-processed/out/"))
                .storages()).isEqualTo(expected);
        assertThat(claid(LaunchSettings.parse(new String[0],
                Map.of("CLAID_LOCAL_S3_STORAGES", "incoming=claid-incoming, processed=claid-processed/out/")))
                .storages()).isEqualTo(expected);
    }

    @Test
    void startS3ConfiguresTheS3ServerToStart() {
        LaunchSettings settings = parse("--start-s3", "--s3-port", "9000", "--s3-dir", "data/s3",
                "--s3-access-key", "ak-123456", "--s3-secret-key", "sk-123456");

        assertThat(settings.s3ToStart()).isPresent();
        assertThat(claid(settings).s3Endpoint()).as("known once the S3 server runs").isNull();
        assertThat(parse("--start-s3=false").s3ToStart()).isEmpty();
        assertThat(LaunchSettings.parse(new String[0], Map.of("CLAID_LOCAL_START_S3", "true")).s3ToStart())
                .isPresent();
    }

    @Test
    void anS3EndpointBacksTheStoragesWithItsKeysOrLocalS3ServersDefaults() {
        ServerSettings withKeys = claid(parse("--s3-endpoint", "http://127.0.0.1:9000", "--s3-access-key", "ak-1",
                "--s3-secret-key", "sk-1"));
        ServerSettings withDefaults = claid(parse("--s3-endpoint", "http://127.0.0.1:9000"));

        assertThat(withKeys.s3Endpoint()).isEqualTo(new ServerSettings.S3Endpoint(
                URI.create("http://127.0.0.1:9000"), "ak-1", "sk-1"));
        assertThat(withDefaults.s3Endpoint()).isEqualTo(new ServerSettings.S3Endpoint(
                URI.create("http://127.0.0.1:9000"), LocalS3Server.DEFAULT_ACCESS_KEY,
                LocalS3Server.DEFAULT_SECRET_KEY));
    }

    @Test
    void helpIsRequestedWithEitherSpelling() {
        assertThat(parse("--help").helpRequested()).isTrue();
        assertThat(parse("-h").helpRequested()).isTrue();
    }

    @Test
    void anUnknownOptionIsNamedWithAPointerToHelp() {
        assertThatThrownBy(() -> parse("--port", "8089", "--prot", "80"))
                .isInstanceOf(UsageException.class)
                .hasMessage("Unknown option --prot; --help lists the options");
        assertThatThrownBy(() -> parse("--api-kee=x"))
                .hasMessage("Unknown option --api-kee; --help lists the options");
        assertThatThrownBy(() -> parse("8089"))
                .hasMessage("Unexpected argument '8089': options start with --; --help lists the options");
    }

    @Test
    void anOptionWithoutItsValueIsNamed() {
        assertThatThrownBy(() -> parse("--port"))
                .hasMessage("--port needs a value; --help lists the options");
        assertThatThrownBy(() -> parse("--api-key", "--port", "1"))
                .hasMessage("--api-key needs a value; --help lists the options");
    }

    @Test
    void aWrongValueIsNamedWithTheOptionOrVariableItCameFrom() {
        assertThatThrownBy(() -> parse("--port", "eighty"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--port: expected a whole number, not 'eighty'; --help lists the options");
        assertThatThrownBy(() -> parse("--port", "70000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--port: Port must be 0..65535, not 70000");
        assertThatThrownBy(() -> LaunchSettings.parse(new String[0], Map.of("CLAID_LOCAL_ACCEPTED_FOR", "soon")))
                .hasMessageStartingWith("CLAID_LOCAL_ACCEPTED_FOR: expected a duration");
        assertThatThrownBy(() -> parse("--start-s3=yes"))
                .hasMessageStartingWith("--start-s3: expected true or false, not 'yes'");
        assertThatThrownBy(() -> parse("--storage", "incoming"))
                .hasMessageStartingWith("--storage: expected <name>=<bucket>");
        assertThatThrownBy(() -> parse("--webhook-url", "ftp://example.com/hook"))
                .hasMessageStartingWith("--webhook-url: expected an http(s) URL");
        assertThatThrownBy(() -> parse("--api-key", " "))
                .hasMessageStartingWith("--api-key: The API key must not be blank");
    }

    @Test
    void settingsThatOnlyMeanSomethingTogetherAreChecked() {
        assertThatThrownBy(() -> parse("--webhook-secret", "hook-secret"))
                .hasMessageStartingWith("--webhook-secret needs --webhook-url");
        assertThatThrownBy(() -> parse("--start-s3", "--s3-endpoint", "http://127.0.0.1:9000"))
                .hasMessageStartingWith("--start-s3 and --s3-endpoint exclude each other");
        assertThatThrownBy(() -> parse("--s3-dir", "data/s3"))
                .hasMessageStartingWith("--s3-dir is a setting of the S3 server --start-s3 starts");
        assertThatThrownBy(() -> LaunchSettings.parse(new String[0], Map.of("CLAID_LOCAL_S3_PORT", "9000")))
                .hasMessageStartingWith("CLAID_LOCAL_S3_PORT is a setting of the S3 server --start-s3 starts");
        assertThatThrownBy(() -> parse("--s3-access-key", "ak-1"))
                .hasMessageStartingWith("--s3-access-key is a setting of --start-s3 or --s3-endpoint");
    }
}
