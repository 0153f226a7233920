package dev.onrush.core.model;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in plans: {@code 250ms}, {@code 30s}, {@code 1.5s}, {@code 5m}, {@code 2h},
 * {@code 1m30s}, {@code 100us}, and ISO-8601 ({@code PT30S}). A bare number is not accepted: the unit must be
 * said.
 */
public final class HumanDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d)");

    private HumanDuration() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("-")) {
            throw negative(text);
        }
        if (t.startsWith("p")) {
            Duration iso;
            try {
                iso = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw invalid(text);
            }
            // ISO-8601 allows signs inside ("PT-5S", "P-1D"): the result, not the first character, decides.
            if (iso.isNegative()) {
                throw negative(text);
            }
            return iso;
        }
        Matcher m = PART.matcher(t);
        long nanos = 0;
        int at = 0;
        while (at < t.length()) {
            if (!m.find(at) || m.start() != at) {
                throw invalid(text);
            }
            double value = Double.parseDouble(m.group(1));
            nanos += Math.round(value * unitNanos(m.group(2)));
            at = m.end();
        }
        if (at == 0) {
            throw invalid(text);
        }
        return Duration.ofNanos(nanos);
    }

    /** Formats {@code d} in the largest unit that keeps it readable, e.g. {@code 1.5s}, {@code 250ms}, {@code 5m}. */
    public static String format(Duration d) {
        long ns = d.toNanos();
        if (ns == 0) {
            return "0s";
        }
        if (ns % 3_600_000_000_000L == 0) {
            return ns / 3_600_000_000_000L + "h";
        }
        if (ns % 60_000_000_000L == 0) {
            return ns / 60_000_000_000L + "m";
        }
        if (ns >= 1_000_000_000L) {
            return trim(ns / 1e9) + "s";
        }
        if (ns >= 1_000_000L) {
            return trim(ns / 1e6) + "ms";
        }
        return trim(ns / 1e3) + "us";
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            case "d" -> 86400e9;
            default -> throw new IllegalStateException(unit);
        };
    }

    private static IllegalArgumentException negative(String text) {
        return new IllegalArgumentException("\"" + text + "\" is negative: a duration must be > 0");
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("\"" + text
                + "\" is not a duration (use a number with a unit: 250ms, 30s, 5m, 1h, 1m30s)");
    }
}
