package dev.onrush.core.internal.analysis;

import dev.onrush.spi.ProbeSample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The capacity of the system under test over a run, as a step function of a probe's samples: each sample's value
 * holds from its timestamp until the next sample. Where it comes from: the samples of metric {@code capacity}
 * (any probe; the {@code demo-capacity} probe emits it), else the {@code in_service} samples of the
 * {@code autoscaling} probe (instances in service). Immutable.
 */
final class CapacitySeries {

    static final String CAPACITY = "capacity";
    static final String AUTOSCALING = "autoscaling";
    static final String IN_SERVICE = "in_service";

    private final List<ProbeSample> samples;
    private final String source;

    private CapacitySeries(List<ProbeSample> samples, String source) {
        this.samples = samples;
        this.source = source;
    }

    static CapacitySeries of(List<ProbeSample> probes) {
        List<ProbeSample> capacity = sorted(probes.stream().filter(s -> s.metric().equals(CAPACITY)).toList());
        if (!capacity.isEmpty()) {
            return new CapacitySeries(capacity, capacity.get(0).probeId() + " " + CAPACITY);
        }
        List<ProbeSample> inService = sorted(probes.stream()
                .filter(s -> s.probeId().equals(AUTOSCALING) && s.metric().equals(IN_SERVICE)).toList());
        return new CapacitySeries(inService, inService.isEmpty() ? "none" : AUTOSCALING + " " + IN_SERVICE);
    }

    private static List<ProbeSample> sorted(List<ProbeSample> samples) {
        return samples.stream().sorted(Comparator.comparing(ProbeSample::timestamp)).toList();
    }

    boolean known() {
        return !samples.isEmpty();
    }

    /** {@code <probe> <metric>} the series was read from, or {@code none}. */
    String source() {
        return source;
    }

    /** The value in effect at {@code t}: the last sample at or before it; NaN before the first sample. */
    double at(Instant t) {
        double v = Double.NaN;
        for (ProbeSample s : samples) {
            if (s.timestamp().isAfter(t)) {
                break;
            }
            v = s.value();
        }
        return v;
    }

    /**
     * The time-weighted mean over {@code [from, to)}, counting only the part after the first sample; NaN when no
     * sample is at or before {@code to}.
     */
    double mean(Instant from, Instant to) {
        double weighted = 0;
        long coveredMs = 0;
        for (int i = 0; i < samples.size(); i++) {
            Instant start = max(samples.get(i).timestamp(), from);
            Instant end = i + 1 < samples.size() ? min(samples.get(i + 1).timestamp(), to) : to;
            long ms = end.toEpochMilli() - start.toEpochMilli();
            if (ms > 0) {
                weighted += samples.get(i).value() * ms;
                coveredMs += ms;
            }
        }
        if (coveredMs == 0) {
            return at(to);
        }
        return weighted / coveredMs;
    }

    /** The first sample at or after {@code from} whose value is above {@code than}, or null. */
    ProbeSample firstAbove(Instant from, double than) {
        for (ProbeSample s : samples) {
            if (!s.timestamp().isBefore(from) && s.value() > than) {
                return s;
            }
        }
        return null;
    }

    /** Every change of value: {@code {at_s, from, to}}, {@code at_s} in seconds after {@code origin}. */
    List<Map<String, Object>> steps(Instant origin) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            double before = samples.get(i - 1).value();
            double after = samples.get(i).value();
            if (after != before) {
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("at_s", seconds(origin, samples.get(i).timestamp()));
                step.put("from", before);
                step.put("to", after);
                steps.add(step);
            }
        }
        return steps;
    }

    static double seconds(Instant origin, Instant t) {
        return Spans.round((t.toEpochMilli() - origin.toEpochMilli()) / 1000.0);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
