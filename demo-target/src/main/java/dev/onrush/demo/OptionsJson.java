package dev.onrush.demo;

import dev.onrush.demo.DemoTarget.Options;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Options} as the snake_case JSON of {@code /admin/config}. Durations are written as strings in
 * milliseconds ({@code "250ms"}, {@code "0.5ms"}) and read as {@code "250ms"}, {@code "2s"}, {@code "1m"}
 * (decimals allowed) or a JSON number of milliseconds. Stateless and thread-safe.
 */
final class OptionsJson {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");
    private static final BigDecimal NANOS_PER_MS = BigDecimal.valueOf(1_000_000);
    private static final Set<String> FIXED_AT_START = Set.of("host", "port", "event_loops", "seed");
    private static final Set<String> CHANGEABLE = Set.of(
            "base_latency", "latency", "error_rate", "capacity", "stall_duration", "stall_period",
            "scale_out_step", "scale_out_delay", "max_capacity", "scale_in_idle", "leak_per_second");

    private OptionsJson() {
    }

    static JsonObject toJson(Options options) {
        return new JsonObject()
                .put("host", options.host())
                .put("port", options.port())
                .put("event_loops", options.eventLoops())
                .put("base_latency", format(options.baseLatency()))
                .put("latency", toJson(options.latency()))
                .put("error_rate", options.errorRate())
                .put("capacity", options.capacity())
                .put("stall_duration", format(options.stallDuration()))
                .put("stall_period", format(options.stallPeriod()))
                .put("scale_out_step", options.scaleOutStep())
                .put("scale_out_delay", format(options.scaleOutDelay()))
                .put("max_capacity", options.maxCapacity())
                .put("scale_in_idle", format(options.scaleInIdle()))
                .put("leak_per_second", format(options.leakPerSecond()))
                .put("seed", options.seed());
    }

    static JsonObject toJson(LatencyModel model) {
        if (model instanceof LatencyModel.Fixed fixed) {
            return new JsonObject().put("type", "fixed").put("value", format(fixed.value()));
        } else if (model instanceof LatencyModel.Uniform uniform) {
            return new JsonObject().put("type", "uniform")
                    .put("min", format(uniform.min())).put("max", format(uniform.max()));
        } else if (model instanceof LatencyModel.Exponential exponential) {
            return new JsonObject().put("type", "exponential").put("mean", format(exponential.mean()));
        }
        LatencyModel.LogNormal logNormal = (LatencyModel.LogNormal) model;
        return new JsonObject().put("type", "lognormal")
                .put("median", format(logNormal.median())).put("p99", format(logNormal.p99()));
    }

    /**
     * Applies a partial update. Fields fixed at start may appear only with their current value (so a
     * {@code GET /admin/config} answer can be posted back).
     *
     * @return {@code base} with the fields of {@code patch}
     * @throws IllegalArgumentException listing every bad field
     */
    static Options apply(Options base, JsonObject patch) {
        List<String> problems = new ArrayList<>();
        JsonObject current = toJson(base);
        OptionsBuilder builder = base.newBuilder();
        Duration[] stalls = {base.stallDuration(), base.stallPeriod()};
        Object[] scaling = {base.scaleOutStep(), base.scaleOutDelay(), base.maxCapacity()};
        for (String field : patch.fieldNames()) {
            Object value = patch.getValue(field);
            if (FIXED_AT_START.contains(field)) {
                if (!Objects.equals(String.valueOf(value), String.valueOf(current.getValue(field)))) {
                    problems.add(field + ": cannot be changed after start");
                }
            } else if (!CHANGEABLE.contains(field)) {
                problems.add(field + ": unknown field");
            } else {
                applyField(builder, stalls, scaling, field, value, problems);
            }
        }
        Options updated = null;
        try {
            // Range checks live in Options; run them even when parsing failed, to report everything at once.
            updated = builder.stalls(stalls[0], stalls[1])
                    .scaleOut((Integer) scaling[0], (Duration) scaling[1], (Integer) scaling[2]).build();
        } catch (IllegalArgumentException e) {
            problems.add(snakeCase(e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return updated;
    }

    /**
     * Sets one changeable field on the builder, or the stall pair in {@code stalls}, or the scale-out triple
     * (step, delay, max) in {@code scaling}, or adds a problem.
     */
    private static void applyField(OptionsBuilder builder, Duration[] stalls, Object[] scaling, String field,
                                   Object value, List<String> problems) {
        try {
            switch (field) {
                case "base_latency" -> builder.baseLatency(parseDuration(field, value));
                case "latency" -> builder.latency(parseModel(value));
                case "error_rate" -> builder.errorRate(number(field, value).doubleValue());
                case "capacity" -> builder.capacity(integer(field, value));
                case "stall_duration" -> stalls[0] = parseDuration(field, value);
                case "stall_period" -> stalls[1] = parseDuration(field, value);
                case "scale_out_step" -> scaling[0] = integer(field, value);
                case "scale_out_delay" -> scaling[1] = parseDuration(field, value);
                case "max_capacity" -> scaling[2] = integer(field, value);
                case "scale_in_idle" -> builder.scaleIn(parseDuration(field, value));
                default -> builder.leak(parseDuration(field, value));
            }
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
    }

    private static LatencyModel parseModel(Object value) {
        if (!(value instanceof JsonObject model)) {
            throw new IllegalArgumentException("latency: must be an object with a \"type\"");
        }
        String type = String.valueOf(model.getValue("type"));
        try {
            return switch (type) {
                case "fixed" -> LatencyModel.fixed(parseDuration("latency.value", model.getValue("value")));
                case "uniform" -> LatencyModel.uniform(parseDuration("latency.min", model.getValue("min")),
                        parseDuration("latency.max", model.getValue("max")));
                case "exponential" -> LatencyModel.exponential(parseDuration("latency.mean", model.getValue("mean")));
                case "lognormal" -> LatencyModel.logNormal(parseDuration("latency.median", model.getValue("median")),
                        parseDuration("latency.p99", model.getValue("p99")));
                default -> throw new IllegalArgumentException("type: \"" + type
                        + "\" is not one of fixed, uniform, exponential, lognormal");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("latency") ? e.getMessage()
                    : "latency." + e.getMessage(), e);
        }
    }

    /**
     * @param value a string like {@code "250ms"}, {@code "2s"}, {@code "1m"}, or a number of milliseconds
     * @throws IllegalArgumentException naming {@code field} if the value is not a non-negative duration
     */
    static Duration parseDuration(String field, Object value) {
        BigDecimal millis;
        if (value instanceof Number number) {
            millis = new BigDecimal(number.toString());
        } else if (value instanceof String text && DURATION.matcher(text.trim()).matches()) {
            Matcher matcher = DURATION.matcher(text.trim());
            matcher.matches();
            BigDecimal amount = new BigDecimal(matcher.group(1));
            millis = switch (matcher.group(2)) {
                case "ms" -> amount;
                case "s" -> amount.scaleByPowerOfTen(3);
                default -> amount.multiply(BigDecimal.valueOf(60_000));
            };
        } else {
            throw new IllegalArgumentException(field + ": " + quoted(value)
                    + " is not a duration like \"250ms\", \"2s\", \"1m\" or a number of milliseconds");
        }
        if (millis.signum() < 0) {
            throw new IllegalArgumentException(field + ": " + value + " is negative");
        }
        return Duration.ofNanos(millis.multiply(NANOS_PER_MS).longValue());
    }

    static String format(Duration duration) {
        return BigDecimal.valueOf(duration.toNanos()).divide(NANOS_PER_MS).stripTrailingZeros().toPlainString() + "ms";
    }

    private static Number number(String field, Object value) {
        if (value instanceof Number number) {
            return number;
        }
        throw new IllegalArgumentException(field + ": " + quoted(value) + " is not a number");
    }

    private static int integer(String field, Object value) {
        Number number = number(field, value);
        if (number.doubleValue() != Math.rint(number.doubleValue()) || Math.abs(number.doubleValue()) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + ": " + value + " is not an integer");
        }
        return number.intValue();
    }

    /** Renames the Java field names in an {@link Options} validation message to their JSON names. */
    private static String snakeCase(String message) {
        return message.replace("invalid DemoTarget options: ", "")
                .replace("errorRate", "error_rate")
                .replace("baseLatency", "base_latency")
                .replace("stallDuration", "stall_duration")
                .replace("stallPeriod", "stall_period")
                .replace("scaleOutStep", "scale_out_step")
                .replace("scaleOutDelay", "scale_out_delay")
                .replace("maxCapacity", "max_capacity")
                .replace("scaleInIdle", "scale_in_idle")
                .replace("leakPerSecond", "leak_per_second");
    }

    private static String quoted(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }
}
