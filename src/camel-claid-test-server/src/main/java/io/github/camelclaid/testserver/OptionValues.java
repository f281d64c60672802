package io.github.camelclaid.testserver;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the values of {@link LaunchOption}s: each kind of value has one reader, whose message says what it
 * expected, and durations and budgets one way of being shown. A reader throws {@link IllegalArgumentException}, which
 * {@link LaunchSettings} prefixes with the option or variable the value came from.
 */
final class OptionValues {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)x(\\d+)");
    private static final Pattern BUDGET = Pattern.compile("(\\d+)/min,(\\d+)/s");
    private static final Pattern STORAGE = Pattern.compile("([^=\\s]+)=([^/\\s]+)(?:/(\\S*))?");

    /** {@code name=bucket} or {@code name=bucket/path/}, as {@link LocalClaidServer.Builder#s3Storage} takes them. */
    record Storage(String name, String bucket, String path) {
    }

    private OptionValues() {
    }

    static int integer(String value) {
        return number(value, Integer::parseInt, "a whole number");
    }

    static long longInteger(String value) {
        return number(value, Long::parseLong, "a whole number");
    }

    static double decimal(String value) {
        return number(value, Double::parseDouble, "a number such as 0.01");
    }

    private static <T> T number(String value, Function<String, T> parser, String expected) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected " + expected + ", not '" + value + "'");
        }
    }

    /** Only {@code true} and {@code false}: a typo must not silently mean false. */
    static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false, not '" + value + "'");
        };
    }

    /** {@code 250ms}, {@code 2s}, {@code 1m}, or ISO-8601 such as {@code PT1.5S}. */
    static Duration duration(String value) {
        Matcher m = DURATION.matcher(value);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a duration such as 250ms, 2s, 1m or PT1.5S, not '" + value + "'");
        }
    }

    /** The shortest of the forms {@link #duration} reads back. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0 || millis % 1000 != 0) {
            return millis + "ms";
        }
        return millis % 60_000 == 0 ? millis / 60_000 + "m" : millis / 1000 + "s";
    }

    /** {@code 640x480}. */
    static PixelSize size(String value) {
        Matcher m = SIZE.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected <width>x<height> such as 640x480, not '" + value + "'");
        }
        return new PixelSize(integer(m.group(1)), integer(m.group(2)));
    }

    static String format(PixelSize size) {
        return size.width() + "x" + size.height();
    }

    /** {@code generous}, {@code claid}, or {@code <n>/min,<n>/s}. */
    static RateLimitBudget budget(String value) {
        if (value.equals("generous")) {
            return RateLimitBudget.GENEROUS;
        }
        if (value.equals("claid")) {
            return RateLimitBudget.CLAID_DEFAULT;
        }
        Matcher m = BUDGET.matcher(value.replace(" ", ""));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected generous, claid or <n>/min,<n>/s such as 120/min,4/s, not '"
                    + value + "'");
        }
        return RateLimitBudget.perMinuteAndSecond(integer(m.group(1)), integer(m.group(2)));
    }

    /** The name {@link #budget} reads for the two named budgets, then the figures of both windows. */
    static String format(RateLimitBudget budget) {
        String figures = budget.windowLimit() + " in " + format(budget.window()) + ", " + budget.burstLimit() + " in "
                + format(budget.burstWindow());
        if (budget.equals(RateLimitBudget.GENEROUS)) {
            return "generous (" + figures + ")";
        }
        return budget.equals(RateLimitBudget.CLAID_DEFAULT) ? "claid (" + figures + ")" : figures;
    }

    /** {@code prefixed} or {@code bare-hex}. */
    static WebhookSignatureStyle signatureStyle(String value) {
        for (WebhookSignatureStyle style : WebhookSignatureStyle.values()) {
            if (format(style).equals(value)) {
                return style;
            }
        }
        throw new IllegalArgumentException("expected prefixed or bare-hex, not '" + value + "'");
    }

    static String format(WebhookSignatureStyle style) {
        return style.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** An absolute http or https URL. */
    static URI httpUrl(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected an http(s) URL, not '" + value + "'");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("expected an http(s) URL, not '" + value + "'");
        }
        return uri;
    }

    static Storage storage(String value) {
        Matcher m = STORAGE.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected <name>=<bucket> or <name>=<bucket>/<path>/, not '" + value
                    + "'");
        }
        return new Storage(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3));
    }
}
