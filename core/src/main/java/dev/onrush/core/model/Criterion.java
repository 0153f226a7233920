package dev.onrush.core.model;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A success criterion, e.g. {@code p95 < 2s}, {@code error_rate < 1%}, {@code throughput > 50/s}.
 *
 * <p>Latency criteria are judged on latency from the intended start (coordinated-omission free).
 *
 * @param expression  the criterion as written
 * @param metric      what is measured
 * @param operator    how it is compared
 * @param threshold   the bound in the metric's unit (milliseconds, percent, or requests per second)
 * @param request     judge only this request name, or {@code null} for all requests
 * @param phase       judge only this phase, or {@code null} for the whole run
 * @param abortOnFail stop the run as soon as the criterion has been broken for {@code delay}
 * @param delay       grace period before {@code abortOnFail} acts ({@link Duration#ZERO} for none)
 */
public record Criterion(String expression, Metric metric, Operator operator, double threshold, String request,
                        String phase, boolean abortOnFail, Duration delay) {

    /** The phase name that asks for a criterion to be judged on the whole run, whatever the type's default. */
    public static final String ALL_PHASES = "all";


    private static final Pattern FORM = Pattern.compile(
            "\\s*([a-z0-9_.]+)\\s*(<=|>=|<|>)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([a-zµ%/]*)\\s*");
    private static final Pattern PROBE_NAME =
            Pattern.compile("probe\\.([a-z0-9_]+)\\.(max|min|mean|last|p50|p90|p95|p99)");

    public Criterion {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(delay, "delay");
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite number >= 0, got " + threshold);
        }
        if (metric == Metric.PROBE && (request != null || phase != null)) {
            throw new IllegalArgumentException("\"" + expression + "\": a probe criterion is judged on the whole run;"
                    + " it takes no request or phase");
        }
    }

    /** For a {@link Metric#PROBE} criterion, the probe metric (its alias), e.g. {@code cpu}; else {@code null}. */
    public String probeMetric() {
        return probePart(1);
    }

    /**
     * For a {@link Metric#PROBE} criterion, the statistic of its samples over the run: {@code max, min, mean, last,
     * p50, p90, p95, p99}; else {@code null}.
     */
    public String probeStat() {
        return probePart(2);
    }

    private String probePart(int group) {
        if (metric != Metric.PROBE) {
            return null;
        }
        Matcher m = FORM.matcher(expression.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        Matcher p = PROBE_NAME.matcher(m.group(1));
        return p.matches() ? p.group(group) : null;
    }

    /** What a criterion measures, and in which unit. */
    public enum Metric {
        P50("ms"), P90("ms"), P95("ms"), P99("ms"), P999("ms"), MAX("ms"), MEAN("ms"),
        ERROR_RATE("percent"), THROUGHPUT("rps"),
        /** A statistic of a probe's samples over the run, e.g. {@code probe.cpu.max < 80}. */
        PROBE("value");

        private final String unit;

        Metric(String unit) {
            this.unit = unit;
        }

        /** {@code ms}, {@code percent}, {@code rps}, or {@code value} (a probe's own unit). */
        public String unit() {
            return unit;
        }

        /** The name used in plans, e.g. {@code p95}, {@code error_rate}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether this is a latency percentile, mean or maximum. */
        public boolean isLatency() {
            return unit.equals("ms");
        }
    }

    /** A comparison. */
    public enum Operator {
        LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** Whether {@code actual} satisfies {@code actual OP threshold}; never for NaN. */
        public boolean holds(double actual, double threshold) {
            return switch (this) {
                case LT -> actual < threshold;
                case LE -> actual <= threshold;
                case GT -> actual > threshold;
                case GE -> actual >= threshold;
            };
        }

        static Operator of(String symbol) {
            for (Operator o : values()) {
                if (o.symbol.equals(symbol)) {
                    return o;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    /**
     * Parses {@code METRIC OP VALUE[UNIT]}: latency metrics ({@code p50 p90 p95 p99 p999 max mean}) take a
     * duration ({@code 500ms}, {@code 2s}), {@code error_rate} a percentage ({@code 1%}), {@code throughput} a
     * rate ({@code 50/s}, {@code 50rps}); {@code probe.<metric>.<statistic>} a plain number in the probe's unit
     * ({@code probe.cpu.max < 80}).
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static Criterion parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text
                    + "\" is not a criterion (write e.g. \"p95 < 2s\", \"error_rate < 1%\", \"throughput > 50/s\")");
        }
        String name = m.group(1);
        if (name.startsWith("probe.")) {
            if (!PROBE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("\"" + text + "\": a probe criterion is probe.<metric>.<statistic>"
                        + " with a statistic of max, min, mean, last, p50, p90, p95, p99"
                        + " (e.g. \"probe.cpu.max < 80\")");
            }
            return new Criterion(text.trim(), Metric.PROBE, Operator.of(m.group(2)), Double.parseDouble(m.group(3)),
                    null, null, false, Duration.ZERO);
        }
        Metric metric;
        try {
            metric = Metric.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\": unknown metric \"" + name
                    + "\" (known: p50, p90, p95, p99, p999, max, mean, error_rate, throughput, "
                    + "probe.<metric>.<statistic>)");
        }
        double value = Double.parseDouble(m.group(3));
        String unit = m.group(4);
        double threshold = switch (metric.unit()) {
            case "ms" -> {
                if (unit.isEmpty()) {
                    throw new IllegalArgumentException("\"" + text + "\": a latency bound needs a unit (ms, s)");
                }
                try {
                    yield HumanDuration.parse(m.group(3) + unit).toNanos() / 1e6;
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("\"" + text
                            + "\": a latency bound is a duration (e.g. 500ms, 2s)");
                }
            }
            case "percent" -> {
                if (!unit.isEmpty() && !unit.equals("%")) {
                    throw new IllegalArgumentException("\"" + text + "\": error_rate is a percentage (e.g. 1%)");
                }
                yield value;
            }
            default -> {
                if (!unit.isEmpty() && !unit.equals("/s") && !unit.equals("rps")) {
                    throw new IllegalArgumentException("\"" + text + "\": throughput is per second (e.g. 50/s)");
                }
                yield value;
            }
        };
        return new Criterion(text.trim(), metric, Operator.of(m.group(2)), threshold, null, null, false,
                Duration.ZERO);
    }

    /** This criterion judged only on one request name. */
    public Criterion forRequest(String requestName) {
        return new Criterion(expression, metric, operator, threshold, requestName, phase, abortOnFail, delay);
    }

    /** This criterion judged only on one phase. */
    public Criterion forPhase(String phaseName) {
        return new Criterion(expression, metric, operator, threshold, request, phaseName, abortOnFail, delay);
    }

    /**
     * This criterion judged on {@code phaseName} by default: unchanged when it names a phase already or reads probe
     * samples (judged over the whole run).
     */
    public Criterion onPhaseByDefault(String phaseName) {
        return phase != null || metric == Metric.PROBE ? this : forPhase(phaseName);
    }

    /** This criterion stopping the run once broken for {@code grace}. */
    public Criterion abortingAfter(Duration grace) {
        return new Criterion(expression, metric, operator, threshold, request, phase, true, grace);
    }

    /** {@code all}, {@code request:NAME}, {@code phase:NAME} or {@code phase:P/request:R}. */
    public String scope() {
        if (request == null && phase == null) {
            return "all";
        }
        if (phase == null) {
            return "request:" + request;
        }
        return request == null ? "phase:" + phase : "phase:" + phase + "/request:" + request;
    }
}
