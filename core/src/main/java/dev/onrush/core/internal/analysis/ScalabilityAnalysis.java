package dev.onrush.core.internal.analysis;

import dev.onrush.core.model.Criterion;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.Phase;
import dev.onrush.core.model.PhaseRole;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.LatencyStats;
import dev.onrush.spi.ProbeSample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A scalability test's question: as the load rises level by level, does the capacity of the system under test
 * follow, how well is it used, and how long does scaling take?
 *
 * <p>Levels: the phases whose role is {@link PhaseRole#LEVEL} (the preset's 25/50/75/100 %), else every
 * {@link PhaseRole#CUSTOM} phase of constant load (a user's phases, whatever their names); {@code load_percent} is
 * the level's load over the highest level's. Per level, from the merge of its own intervals' histograms:
 * {@code throughput_rps}, {@code p95_ms} (-1 without requests), {@code error_rate_percent}; from the capacity series
 * ({@link CapacitySeries}): {@code capacity} (in effect at the level's end) and {@code capacity_mean} (time-weighted
 * over the level), {@code throughput_per_capacity} (throughput over the mean capacity) and {@code efficiency} (that
 * over the first level's: 1 = as much throughput per unit of capacity as at 25 %; above 1 the capacity is busier
 * than at 25 %, below 1 added capacity brought less than its share). Without a capacity probe these say
 * {@code "unknown"}.
 *
 * <p>Time to scale: from the start of the first level interval that broke a latency criterion (the plan's latency
 * criteria on all requests, a phase-scoped one only in its phase; without any, {@code p95} more than twice the first
 * level's and by more than 10 ms) to the first capacity sample, at or after that start, above the capacity in
 * effect then ({@code "not scaled"}; {@code "no breach"} when no interval broke; {@code "unknown"} without a capacity
 * probe). Its resolution is the interval (1 s) plus the probe's period. Time to recover: from the same start to the
 * start of the first level interval from which {@value #RECOVERY_INTERVALS} intervals in a row (fewer at the end of
 * the levels) meet every latency criterion ({@code "not recovered"}). Only the first breach is analysed.
 */
final class ScalabilityAnalysis {

    static final int RECOVERY_INTERVALS = 3;
    static final double FALLBACK_FACTOR = 2;
    static final double FALLBACK_MIN_INCREASE_MS = 10;
    static final String UNKNOWN = "unknown";

    private ScalabilityAnalysis() {
    }

    /** The analysis, or an empty map when the run has no level with intervals. */
    static Map<String, Object> analyze(List<Phase> phases, List<IntervalSnapshot> intervals,
                                       List<Criterion> criteria, List<ProbeSample> probes) {
        List<Phase> levels = levels(phases).stream()
                .filter(p -> !SpikeAnalysis.inPhase(intervals, p.name()).isEmpty()).toList();
        if (levels.isEmpty()) {
            return Map.of();
        }
        Instant origin = intervals.get(0).start();
        CapacitySeries capacity = CapacitySeries.of(probes);
        List<Map<String, Object>> rows = new ArrayList<>();
        double highest = levels.stream().mapToDouble(p -> load(p.shape())).max().orElse(1);
        Double firstPerCapacity = null;
        for (Phase level : levels) {
            List<IntervalSnapshot> span = SpikeAnalysis.inPhase(intervals, level.name());
            Map<String, Object> row = levelRow(level, span, highest, capacity);
            Object perCapacity = row.get("throughput_per_capacity");
            if (firstPerCapacity == null && perCapacity instanceof Double d) {
                firstPerCapacity = d;
            }
            row.put("efficiency", perCapacity instanceof Double d && firstPerCapacity != null && firstPerCapacity > 0
                    ? Spans.round(d / firstPerCapacity) : UNKNOWN);
            rows.add(row);
        }
        List<IntervalSnapshot> levelIntervals = intervals.stream()
                .filter(i -> levels.stream().anyMatch(p -> p.name().equals(i.phase()))).toList();
        LatencyBound bound = LatencyBound.of(criteria, Spans.p95Ms(SpikeAnalysis.inPhase(intervals,
                levels.get(0).name())));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("levels", rows);
        m.put("capacity_source", capacity.source());
        m.put("capacity_steps", capacity.steps(origin));
        m.put("latency_criteria", bound.describe());
        timing(m, levelIntervals, bound, capacity, origin);
        return m;
    }

    private static Map<String, Object> levelRow(Phase level, List<IntervalSnapshot> span, double highest,
                                                CapacitySeries capacity) {
        Instant from = span.get(0).start();
        IntervalSnapshot last = span.get(span.size() - 1);
        Instant to = last.start().plusMillis(Math.round(last.durationS() * 1000));
        double throughput = Spans.throughputRps(span);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("level", level.name());
        row.put("load_percent", Spans.round(load(level.shape()) / highest * 100));
        row.put("throughput_rps", Spans.round(throughput));
        row.put("p95_ms", Spans.round(Spans.p95Ms(span)));
        row.put("error_rate_percent", Spans.round(Spans.errorRatePercent(span)));
        row.put("requests", Spans.requests(span));
        double end = capacity.at(to);
        double mean = capacity.mean(from, to);
        row.put("capacity", Double.isNaN(end) ? UNKNOWN : Spans.round(end));
        row.put("capacity_mean", Double.isNaN(mean) ? UNKNOWN : Spans.round(mean));
        row.put("throughput_per_capacity", Double.isNaN(mean) || mean <= 0 ? UNKNOWN
                : (Object) Spans.round(throughput / mean));
        return row;
    }

    /**
     * Adds {@code time_to_scale_s} and {@code time_to_recover_s}, and when an interval broke the bound
     * {@code breach_at_s} and {@code breach_phase}, and when the capacity then rose {@code scaled_at_s}.
     */
    private static void timing(Map<String, Object> m, List<IntervalSnapshot> levelIntervals, LatencyBound bound,
                               CapacitySeries capacity, Instant origin) {
        int breach = -1;
        for (int i = 0; i < levelIntervals.size() && breach < 0; i++) {
            if (!bound.met(levelIntervals.get(i))) {
                breach = i;
            }
        }
        if (breach < 0) {
            m.put("time_to_scale_s", capacity.known() ? "no breach" : UNKNOWN);
            m.put("time_to_recover_s", "no breach");
            return;
        }
        Instant breachAt = levelIntervals.get(breach).start();
        m.put("breach_at_s", CapacitySeries.seconds(origin, breachAt));
        m.put("breach_phase", levelIntervals.get(breach).phase());
        if (!capacity.known()) {
            m.put("time_to_scale_s", UNKNOWN);
        } else {
            double before = capacity.at(breachAt);
            ProbeSample scaled = capacity.firstAbove(breachAt, Double.isNaN(before) ? capacity.at(Instant.MAX)
                    : before);
            m.put("time_to_scale_s", scaled == null ? "not scaled"
                    : (Object) CapacitySeries.seconds(breachAt, scaled.timestamp()));
            if (scaled != null) {
                m.put("scaled_at_s", CapacitySeries.seconds(origin, scaled.timestamp()));
            }
        }
        int recovered = -1;
        for (int j = breach + 1; j < levelIntervals.size() && recovered < 0; j++) {
            boolean stable = levelIntervals.get(j).totals().requests() > 0;
            for (int k = j; stable && k < Math.min(levelIntervals.size(), j + RECOVERY_INTERVALS); k++) {
                stable = bound.met(levelIntervals.get(k));
            }
            if (stable) {
                recovered = j;
            }
        }
        m.put("time_to_recover_s", recovered < 0 ? "not recovered"
                : (Object) CapacitySeries.seconds(breachAt, levelIntervals.get(recovered).start()));
    }

    static List<Phase> levels(List<Phase> phases) {
        List<Phase> preset = phases.stream().filter(p -> p.role() == PhaseRole.LEVEL).toList();
        if (!preset.isEmpty()) {
            return preset;
        }
        return phases.stream().filter(p -> p.role() == PhaseRole.CUSTOM && constant(p.shape())).toList();
    }

    private static boolean constant(LoadShape shape) {
        return shape instanceof LoadShape.Rate r ? r.fromPerSec() == r.toPerSec()
                : ((LoadShape.Users) shape).from() == ((LoadShape.Users) shape).to();
    }

    private static double load(LoadShape shape) {
        return shape instanceof LoadShape.Rate r ? Math.max(r.fromPerSec(), r.toPerSec())
                : Math.max(((LoadShape.Users) shape).from(), ((LoadShape.Users) shape).to());
    }

    /** The latency bounds an interval must meet: the plan's latency criteria, or the fallback. */
    record LatencyBound(List<Criterion> criteria, double fallbackP95Ms) {

        static LatencyBound of(List<Criterion> all, double firstLevelP95Ms) {
            List<Criterion> latency = all.stream()
                    .filter(c -> c.metric().isLatency() && c.request() == null).toList();
            double fallback = Double.isNaN(firstLevelP95Ms) ? Double.POSITIVE_INFINITY
                    : Math.max(firstLevelP95Ms * FALLBACK_FACTOR, firstLevelP95Ms + FALLBACK_MIN_INCREASE_MS);
            return new LatencyBound(latency, fallback);
        }

        boolean met(IntervalSnapshot i) {
            LatencyStats l = i.totals().latencyMs();
            if (i.totals().requests() == 0) {
                return true;
            }
            if (criteria.isEmpty()) {
                return !(l.p95() > fallbackP95Ms);
            }
            for (Criterion c : criteria) {
                if ((c.phase() == null || c.phase().equals(i.phase()))
                        && !c.operator().holds(value(c.metric()).applyAsDouble(l), c.threshold())) {
                    return false;
                }
            }
            return true;
        }

        List<String> describe() {
            if (criteria.isEmpty()) {
                return List.of(Double.isInfinite(fallbackP95Ms) ? "none"
                        : String.format(Locale.ROOT, "p95 < %.3fms (no latency criterion in the plan: twice the "
                        + "first level's p95, at least %.0f ms more)", fallbackP95Ms, FALLBACK_MIN_INCREASE_MS));
            }
            return criteria.stream().map(c -> c.expression() + (c.phase() == null ? "" : " [" + c.phase() + "]"))
                    .toList();
        }

        private static ToDoubleFunction<LatencyStats> value(Criterion.Metric metric) {
            return switch (metric) {
                case P50 -> LatencyStats::p50;
                case P90 -> LatencyStats::p90;
                case P99 -> LatencyStats::p99;
                case P999 -> LatencyStats::p999;
                case MAX -> LatencyStats::max;
                case MEAN -> LatencyStats::mean;
                default -> LatencyStats::p95;
            };
        }
    }
}
