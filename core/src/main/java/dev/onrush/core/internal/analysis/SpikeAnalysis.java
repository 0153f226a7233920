package dev.onrush.core.internal.analysis;

import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.Phase;
import dev.onrush.core.model.PhaseRole;
import dev.onrush.spi.IntervalSnapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spike test's question: how much worse was it during the spike, and how long after the spike ended until
 * latency was back? The spike is the phase whose role is {@link PhaseRole#SPIKE} (the preset's), else the phase
 * with the highest load (a user's phases, whatever their names); "before" and "after" are the phases around it.
 *
 * <p>Recovery time: from the end of the spike to the start of the first second of the "after" phase whose p95 is
 * within 10 % of the pre-spike p95 and stays there for the next two seconds (or to the end of the phase, if
 * shorter): one lucky second is not a recovery. {@code recovered: false} when that never happens.
 */
final class SpikeAnalysis {

    static final double RECOVERY_TOLERANCE = 1.10;
    static final int RECOVERY_SECONDS = 3;

    private SpikeAnalysis() {
    }

    /** The analysis, or an empty map when the phases do not form before/spike/after. */
    static Map<String, Object> analyze(List<Phase> phases, List<IntervalSnapshot> intervals) {
        int spike = spikeIndex(phases);
        if (spike <= 0 || spike >= phases.size() - 1) {
            return Map.of();
        }
        List<IntervalSnapshot> before = inPhase(intervals, phases.get(spike - 1).name());
        List<IntervalSnapshot> during = inPhase(intervals, phases.get(spike).name());
        List<IntervalSnapshot> after = inPhase(intervals, phases.get(spike + 1).name());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spike_phase", phases.get(spike).name());
        m.put("before", Spans.summary(before));
        m.put("during", Spans.summary(during));
        m.put("after", Spans.summary(after));
        double p95Before = Spans.p95Ms(before);
        double p95During = Spans.p95Ms(during);
        m.put("p95_increase_percent", Spans.round((p95During - p95Before) / p95Before * 100));
        m.put("error_rate_increase_points",
                Spans.round(Spans.errorRatePercent(during) - Spans.errorRatePercent(before)));
        double bound = p95Before * RECOVERY_TOLERANCE;
        m.put("recovery_bound_p95_ms", Spans.round(bound));
        int first = firstStable(after, bound);
        m.put("recovered", first >= 0);
        if (first >= 0) {
            double spikeEndMs = after.get(0).start().toEpochMilli();
            m.put("recovery_time_s", (after.get(first).start().toEpochMilli() - spikeEndMs) / 1000.0);
        } else {
            m.put("recovery_time_s", "not recovered");
        }
        return m;
    }

    private static int firstStable(List<IntervalSnapshot> after, double bound) {
        for (int i = 0; i < after.size(); i++) {
            boolean stable = true;
            for (int k = i; k < Math.min(after.size(), i + RECOVERY_SECONDS); k++) {
                double p95 = after.get(k).totals().latencyMs().p95();
                if (after.get(k).totals().requests() > 0 && !(p95 <= bound)) {
                    stable = false;
                    break;
                }
            }
            if (stable && after.get(i).totals().requests() > 0) {
                return i;
            }
        }
        return -1;
    }

    private static int spikeIndex(List<Phase> phases) {
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).role() == PhaseRole.SPIKE) {
                return i;
            }
        }
        int best = -1;
        double highest = -1;
        for (int i = 0; i < phases.size(); i++) {
            double level = level(phases.get(i).shape());
            if (level > highest) {
                highest = level;
                best = i;
            }
        }
        return best;
    }

    private static double level(LoadShape shape) {
        return shape instanceof LoadShape.Rate r ? Math.max(r.fromPerSec(), r.toPerSec())
                : Math.max(((LoadShape.Users) shape).from(), ((LoadShape.Users) shape).to());
    }

    static List<IntervalSnapshot> inPhase(List<IntervalSnapshot> intervals, String phase) {
        return intervals.stream().filter(i -> i.phase().equals(phase)).toList();
    }
}
