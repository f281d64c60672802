package io.github.camelclaid.testserver;

import java.util.Locale;

/**
 * {@code operations.padding}: space around the picture, inside the output's size (the picture shrinks to make room,
 * keeping its aspect ratio; the space takes the background colour). One value applies to all four sides, two are
 * vertical then horizontal, as in CSS; each is {@code "N%"} of that side of the output or pixels ({@code "N"} or
 * {@code "Npx"}). Claid refuses more than half a side; here a side is capped just below half.
 */
record Padding(double vertical, boolean verticalPercent, double horizontal, boolean horizontalPercent) {

    /** The padding the text asks for; null when there is none or it cannot be read. */
    static Padding parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] values = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
        if (values.length > 2) {
            return null;
        }
        Double v = amount(values[0]);
        Double h = amount(values[values.length - 1]);
        if (v == null || h == null) {
            return null;
        }
        return new Padding(v, values[0].endsWith("%"), h, values[values.length - 1].endsWith("%"));
    }

    /** The top (and bottom) inset on an output of this height, in pixels. */
    int top(int height) {
        return inset(vertical, verticalPercent, height);
    }

    /** The left (and right) inset on an output of this width, in pixels. */
    int left(int width) {
        return inset(horizontal, horizontalPercent, width);
    }

    private static int inset(double amount, boolean percent, int side) {
        int pixels = (int) Math.round(percent ? side * amount / 100.0 : amount);
        return Math.max(0, Math.min(pixels, (side - 1) / 2));
    }

    private static Double amount(String value) {
        String number = value.endsWith("%") ? value.substring(0, value.length() - 1)
                : value.endsWith("px") ? value.substring(0, value.length() - 2) : value;
        try {
            double parsed = Double.parseDouble(number);
            return parsed < 0 ? null : parsed;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
