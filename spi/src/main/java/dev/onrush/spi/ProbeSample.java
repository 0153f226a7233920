package dev.onrush.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One measurement a probe took of the system under test (a CPU percentage, an instance count, ...). Immutable.
 *
 * @param probeId    the id of the probe's provider, e.g. {@code cloudwatch}; never {@code null}
 * @param metric     the metric's name or the alias the plan gave it, e.g. {@code cpu}; never {@code null}
 * @param timestamp  the time the value is for (UTC); never {@code null}
 * @param value      the value, in {@code unit}
 * @param unit       the value's unit, e.g. {@code percent}, {@code count}, {@code ms}; never {@code null}
 *                   (empty when the metric has none)
 * @param dimensions what the value is about, e.g. {@code {"AutoScalingGroupName": "web"}}; never {@code null},
 *                   an unmodifiable copy
 */
public record ProbeSample(String probeId, String metric, Instant timestamp, double value, String unit,
                          Map<String, String> dimensions) {

    public ProbeSample {
        Objects.requireNonNull(probeId, "probeId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(unit, "unit");
        dimensions = Map.copyOf(dimensions);
    }
}
