package io.github.camelclaid.testserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** {@code --help}: every setting listed, with its variable and its default, and no two settings alike. */
class LaunchOptionTest {

    @Test
    void helpListsEveryOptionWithItsVariable() {
        String help = LaunchOption.help();

        for (LaunchOption option : LaunchOption.values()) {
            assertThat(help).containsPattern("(?m)^  " + option.flag() + "\\b.* " + option.variable() + "$");
        }
        assertThat(help).contains("--help, -h");
    }

    @Test
    void helpShowsTheBuildersDefaults() {
        ServerSettings defaults = LocalClaidServer.builder().settings();
        String help = LaunchOption.help().replaceAll("\\s+", " ");

        assertThat(help)
                .contains("Default: " + defaults.port() + ".")
                .contains("Default: " + LocalClaidServer.DEFAULT_API_KEY + ".")
                .contains("Default: " + OptionValues.format(defaults.acceptedFor()) + ".")
                .contains("Default: " + OptionValues.format(defaults.processingFor()) + ".")
                .contains("Default: " + OptionValues.format(defaults.rateLimit()) + ".")
                .contains("Default: none: webhooks off.");
        assertThat(help.split("Default: ", -1)).hasSize(LaunchOption.values().length + 1);
    }

    @Test
    void flagsAndVariablesAreUnique() {
        assertThat(Arrays.stream(LaunchOption.values()).map(LaunchOption::flag)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(LaunchOption.values()).map(LaunchOption::variable)).doesNotHaveDuplicates()
                .allMatch(v -> v.startsWith("CLAID_LOCAL_"));
    }
}
