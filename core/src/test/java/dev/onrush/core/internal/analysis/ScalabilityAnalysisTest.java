package dev.onrush.core.internal.analysis;

import dev.onrush.core.internal.metrics.Histograms;
import dev.onrush.core.model.Criterion;
import dev.onrush.core.model.LoadSettings;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Phase;
import dev.onrush.core.model.PhaseRole;
import dev.onrush.core.model.Presets;
import dev.onrush.core.model.TestType;
import dev.onrush.spi.GeneratorStats;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.LatencyStats;
import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.RequestStats;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scalability analysis on synthetic runs: the preset's four 4 s levels at 100..400/s, every request of an
 * interval taking that interval's latency.
 */
class ScalabilityAnalysisTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<Phase> LEVELS = Presets.expand(TestType.SCALABILITY,
            LoadSettings.rate(400, Duration.ofSeconds(4), Duration.ZERO, Duration.ZERO));

    @Test
    @SuppressWarnings("unchecked")
    void perLevelFiguresComeFromTheLevelsOwnIntervalsAndTheCapacityInEffect() {
        List<IntervalSnapshot> run = run(i -> 20.0);
        // capacity 10 until 9.5 s, then 20
        List<ProbeSample> capacity = List.of(capacity(0, 10), capacity(5, 10), capacity(9.5, 20), capacity(15, 20));

        Map<String, Object> m = ScalabilityAnalysis.analyze(LEVELS, run, criteria("p95 < 100ms"), capacity);

        List<Map<String, Object>> levels = (List<Map<String, Object>>) m.get("levels");
        assertThat(levels).extracting(l -> l.get("level"))
                .containsExactly("level_25", "level_50", "level_75", "level_100");
        assertThat(levels).extracting(l -> l.get("load_percent")).containsExactly(25.0, 50.0, 75.0, 100.0);
        assertThat(levels).extracting(l -> l.get("throughput_rps")).containsExactly(100.0, 200.0, 300.0, 400.0);
        assertThat(levels).extracting(l -> l.get("capacity")).containsExactly(10.0, 10.0, 20.0, 20.0);
        // level_75 runs 8..12 s: 1.5 s at 10, 2.5 s at 20
        assertThat((double) levels.get(2).get("capacity_mean")).isEqualTo(16.25);
        assertThat(levels).extracting(l -> l.get("efficiency")).containsExactly(1.0, 2.0, 1.846, 2.0);
        assertThat(m.get("capacity_steps")).isEqualTo(List.of(Map.of("at_s", 9.5, "from", 10.0, "to", 20.0)));
        assertThat(m).containsEntry("capacity_source", "demo-capacity capacity")
                .containsEntry("time_to_scale_s", "no breach").containsEntry("time_to_recover_s", "no breach");
    }

    @Test
    void timeToScaleRunsFromTheFirstBreakingIntervalToTheFirstHigherCapacitySample() {
        double[] p95 = {20, 20, 20, 20, 20, 20, 20, 20, 300, 600, 500, 90, 80, 80, 80, 80};
        List<IntervalSnapshot> run = run(i -> p95[i]);
        List<ProbeSample> capacity = List.of(capacity(0, 10), capacity(8.5, 10), capacity(10.25, 20),
                capacity(12, 20));

        Map<String, Object> m = ScalabilityAnalysis.analyze(LEVELS, run, criteria("p95 < 100ms"), capacity);

        assertThat(m).containsEntry("breach_at_s", 8.0).containsEntry("breach_phase", "level_75")
                .containsEntry("time_to_scale_s", 2.25).containsEntry("scaled_at_s", 10.25)
                .containsEntry("time_to_recover_s", 3.0)
                .containsEntry("latency_criteria", List.of("p95 < 100ms"));
    }

    @Test
    void aBreachWithoutMoreCapacityIsNotScaledAndOneThatNeverEndsIsNotRecovered() {
        double[] p95 = {20, 20, 20, 20, 20, 20, 20, 20, 300, 600, 900, 900, 900, 900, 900, 900};
        List<IntervalSnapshot> run = run(i -> p95[i]);

        Map<String, Object> m = ScalabilityAnalysis.analyze(LEVELS, run, criteria("p99 < 100ms"),
                List.of(capacity(0, 10), capacity(15, 10)));

        assertThat(m).containsEntry("time_to_scale_s", "not scaled").containsEntry("time_to_recover_s",
                "not recovered");
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutACapacityProbeTheCapacityColumnsAreUnknownAndWithoutCriteriaAFallbackBoundIsUsed() {
        double[] p95 = {20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 45, 20, 20, 20};
        List<IntervalSnapshot> run = run(i -> p95[i]);

        Map<String, Object> m = ScalabilityAnalysis.analyze(LEVELS, run, List.of(), List.of());

        List<Map<String, Object>> levels = (List<Map<String, Object>>) m.get("levels");
        assertThat(levels).allSatisfy(l -> assertThat(l).containsEntry("capacity", "unknown")
                .containsEntry("capacity_mean", "unknown").containsEntry("throughput_per_capacity", "unknown")
                .containsEntry("efficiency", "unknown"));
        assertThat(m).containsEntry("capacity_source", "none").containsEntry("capacity_steps", List.of())
                .containsEntry("breach_at_s", 12.0).containsEntry("time_to_scale_s", "unknown")
                .containsEntry("time_to_recover_s", 1.0);
        assertThat((List<String>) m.get("latency_criteria")).singleElement().asString().startsWith("p95 < 40.");
    }

    @Test
    void theAutoScalingProbesInstancesInServiceAreTheCapacityWhenNoProbeSaysCapacity() {
        List<IntervalSnapshot> run = run(i -> 20.0);
        List<ProbeSample> samples = List.of(
                new ProbeSample("autoscaling", "desired_capacity", T0, 4, "count", Map.of()),
                new ProbeSample("autoscaling", "in_service", T0, 2, "count", Map.of()),
                new ProbeSample("autoscaling", "in_service", T0.plusSeconds(6), 4, "count", Map.of()));

        Map<String, Object> m = ScalabilityAnalysis.analyze(LEVELS, run, List.of(), samples);

        assertThat(m).containsEntry("capacity_source", "autoscaling in_service");
        assertThat(m.get("capacity_steps")).isEqualTo(List.of(Map.of("at_s", 6.0, "from", 2.0, "to", 4.0)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aUsersPhasesAreLevelsByTheirConstantLoadNotByTheirNames() {
        List<Phase> phases = List.of(
                Phase.of("ramp_up", Duration.ofSeconds(4), LoadShape.rate(100, 100)),
                Phase.of("level_x", Duration.ofSeconds(4), LoadShape.rate(200, 200)),
                Phase.of("climb", Duration.ofSeconds(4), LoadShape.rate(200, 400)),
                Phase.of("top", Duration.ofSeconds(4), LoadShape.rate(400, 400)));

        Map<String, Object> m = ScalabilityAnalysis.analyze(phases, run(phases, i -> 20.0), List.of(), List.of());

        assertThat((List<Map<String, Object>>) m.get("levels")).extracting(l -> l.get("level"))
                .containsExactly("ramp_up", "level_x", "top");
        assertThat(LEVELS).extracting(Phase::role).containsOnly(PhaseRole.LEVEL);
    }

    @Test
    void aRunOfAnotherShapeHasNoScalabilityAnalysis() {
        List<Phase> ramp = List.of(Phase.of("ramp_up", Duration.ofSeconds(2),
                dev.onrush.core.model.LoadShape.rate(0, 10)));
        assertThat(ScalabilityAnalysis.analyze(ramp, List.of(), List.of(), List.of())).isEmpty();
    }

    private static List<Criterion> criteria(String... expressions) {
        LoadTest.Builder b = LoadTest.builder("x").target("http://127.0.0.1:1");
        for (String e : expressions) {
            b.criterion(e);
        }
        return b.phase("p", Duration.ofSeconds(1), dev.onrush.core.model.LoadShape.rate(1, 1))
                .scenario(dev.onrush.core.model.Scenario.of("s", 1,
                        dev.onrush.core.model.Step.Request.of("GET", "/"), Duration.ZERO))
                .build().criteria();
    }

    private static ProbeSample capacity(double atS, double value) {
        return new ProbeSample("demo-capacity", "capacity", T0.plusMillis(Math.round(atS * 1000)), value, "count",
                Map.of());
    }

    /** 16 one-second intervals, 4 per level, at 100/200/300/400 requests each, all taking {@code latencyMs}. */
    private static List<IntervalSnapshot> run(java.util.function.IntToDoubleFunction latencyMs) {
        return run(LEVELS, latencyMs);
    }

    /** 16 one-second intervals, 4 per phase, at 100/200/300/400 requests each, all taking {@code latencyMs}. */
    private static List<IntervalSnapshot> run(List<Phase> phases, java.util.function.IntToDoubleFunction latencyMs) {
        List<IntervalSnapshot> out = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int requests = 100 * (i / 4 + 1);
            Histogram h = Histograms.newTotal();
            h.recordValueWithCount((long) (latencyMs.applyAsDouble(i) * 1e6), requests);
            LatencyStats l = Histograms.stats(h);
            RequestStats totals = new RequestStats(requests, 0, 0, requests, 0, 0, l, l, Map.of(), Map.of());
            out.add(new IntervalSnapshot("t", i, T0.plusSeconds(i), 1.0, phases.get(i / 4).name(), 0,
                    requests, totals, Map.of(), new GeneratorStats(l, l, 0, 0), Histograms.compress(h)));
        }
        return out;
    }
}
