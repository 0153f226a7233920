package dev.onrush.core.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How much worse a candidate may be than its baseline. Latency limits are relative increases in percent;
 * {@code error_rate} is in percentage points; {@code throughput} is the largest relative drop in percent;
 * {@code min_ms} is the absolute floor a latency increase must also pass.
 *
 * @param latencyPercent   per latency metric ({@code p50 p90 p95 p99 p999}), the largest increase in percent
 * @param errorRatePoints  the largest increase of the error rate, in percentage points
 * @param throughputDropPercent the largest drop of throughput, in percent
 * @param minDeltaMs       a latency increase smaller than this many milliseconds never counts
 */
public record RegressionLimits(Map<String, Double> latencyPercent, double errorRatePoints,
                               double throughputDropPercent, double minDeltaMs) {

    /** The latency metrics that can carry a limit, in order. */
    public static final List<String> LATENCY_METRICS = List.of("p50", "p90", "p95", "p99", "p999");

    /** p50/p90/p95 +15 %, p99 +25 %, p999 not judged, error rate +0.5 pp, throughput −10 %, floor 1 ms. */
    public static final RegressionLimits DEFAULT = new RegressionLimits(
            Map.of("p50", 15.0, "p90", 15.0, "p95", 15.0, "p99", 25.0), 0.5, 10.0, 1.0);

    public RegressionLimits {
        latencyPercent = Map.copyOf(latencyPercent);
    }

    /**
     * The defaults overridden by {@code spec}, e.g. {@code p95=10%,error_rate=0.5pp,throughput=5%,min_ms=2}.
     *
     * @throws IllegalArgumentException listing every part that is not understood
     */
    public static RegressionLimits parse(String spec) {
        Map<String, Double> latency = new LinkedHashMap<>(DEFAULT.latencyPercent);
        double errors = DEFAULT.errorRatePoints;
        double throughput = DEFAULT.throughputDropPercent;
        double floor = DEFAULT.minDeltaMs;
        List<String> problems = new ArrayList<>();
        for (String part : spec == null ? new String[0] : spec.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String key = eq < 0 ? p : p.substring(0, eq).trim();
            String value = eq < 0 ? "" : p.substring(eq + 1).trim();
            try {
                if (LATENCY_METRICS.contains(key)) {
                    latency.put(key, number(value, "%"));
                } else if (key.equals("error_rate")) {
                    errors = number(value, "pp");
                } else if (key.equals("throughput")) {
                    throughput = Math.abs(number(value, "%"));
                } else if (key.equals("min_ms")) {
                    floor = number(value, "ms");
                } else {
                    problems.add("\"" + part.trim() + "\": unknown metric (known: " + String.join(", ",
                            LATENCY_METRICS) + ", error_rate, throughput, min_ms)");
                }
            } catch (NumberFormatException e) {
                problems.add("\"" + part.trim() + "\": not a number with its unit (p95=10%, error_rate=0.5pp, "
                        + "throughput=10%, min_ms=1)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("--max-regression: " + String.join("; ", problems));
        }
        return new RegressionLimits(latency, errors, throughput, floor);
    }

    private static double number(String text, String unit) {
        String t = text.endsWith(unit) ? text.substring(0, text.length() - unit.length()).trim() : text;
        double v = Double.parseDouble(t);
        if (!(v >= 0) && !unit.equals("%")) {
            throw new NumberFormatException(text);
        }
        return v;
    }
}
