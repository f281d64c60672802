package io.github.camelclaid.testserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The values of the command line's options: what each reader takes, and that what is shown reads back. */
class OptionValuesTest {

    @Test
    void durationsInShortFormOrIso8601() {
        assertThat(OptionValues.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(OptionValues.duration("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(OptionValues.duration("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(OptionValues.duration("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> OptionValues.duration("1h30"))
                .hasMessage("expected a duration such as 250ms, 2s, 1m or PT1.5S, not '1h30'");
    }

    @Test
    void shownDurationsReadBack() {
        for (Duration d : new Duration[] { Duration.ZERO, Duration.ofMillis(50), Duration.ofMillis(1500),
                Duration.ofSeconds(30), Duration.ofMinutes(2) }) {
            assertThat(OptionValues.duration(OptionValues.format(d))).isEqualTo(d);
        }
        assertThat(OptionValues.format(Duration.ofMillis(150))).isEqualTo("150ms");
        assertThat(OptionValues.format(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(OptionValues.format(Duration.ofMinutes(2))).isEqualTo("2m");
    }

    @Test
    void budgetsByNameOrFigures() {
        assertThat(OptionValues.budget("generous")).isEqualTo(RateLimitBudget.GENEROUS);
        assertThat(OptionValues.budget("claid")).isEqualTo(RateLimitBudget.CLAID_DEFAULT);
        assertThat(OptionValues.budget("60/min, 2/s")).isEqualTo(RateLimitBudget.perMinuteAndSecond(60, 2));
        assertThat(OptionValues.format(RateLimitBudget.CLAID_DEFAULT)).isEqualTo("claid (120 in 1m, 4 in 1s)");
        assertThatThrownBy(() -> OptionValues.budget("fast")).hasMessageStartingWith("expected generous, claid or");
    }

    @Test
    void sizesSignatureStylesAndSwitches() {
        assertThat(OptionValues.size("640x480")).isEqualTo(new PixelSize(640, 480));
        assertThat(OptionValues.format(new PixelSize(640, 480))).isEqualTo("640x480");
        assertThatThrownBy(() -> OptionValues.size("640*480")).hasMessageStartingWith("expected <width>x<height>");
        for (WebhookSignatureStyle style : WebhookSignatureStyle.values()) {
            assertThat(OptionValues.signatureStyle(OptionValues.format(style))).isEqualTo(style);
        }
        assertThat(OptionValues.bool("TRUE")).isTrue();
        assertThat(OptionValues.bool("false")).isFalse();
        assertThatThrownBy(() -> OptionValues.bool("1")).hasMessage("expected true or false, not '1'");
    }

    @Test
    void urlsMustBeAbsoluteHttp() {
        assertThat(OptionValues.httpUrl("https://hooks.example.com/claid")).isEqualTo(
                URI.create("https://hooks.example.com/claid"));
        assertThatThrownBy(() -> OptionValues.httpUrl("/claid")).hasMessageStartingWith("expected an http(s) URL");
        assertThatThrownBy(() -> OptionValues.httpUrl("http://exa mple")).hasMessageStartingWith("expected an http(s)");
    }

    @Test
    void storagesWithAndWithoutAKeyPrefix() {
        assertThat(OptionValues.storage("incoming=claid-incoming"))
                .isEqualTo(new OptionValues.Storage("incoming", "claid-incoming", ""));
        assertThat(OptionValues.storage("processed=claid-processed/out/"))
                .isEqualTo(new OptionValues.Storage("processed", "claid-processed", "out/"));
        assertThatThrownBy(() -> OptionValues.storage("=bucket")).hasMessageStartingWith("expected <name>=<bucket>");
    }
}
