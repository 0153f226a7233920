package dev.onrush.core.internal.criteria;

import dev.onrush.core.internal.metrics.RecorderSet;
import dev.onrush.core.internal.metrics.RunAggregator;
import dev.onrush.core.internal.schedule.Timeline;
import dev.onrush.core.model.Criterion;
import dev.onrush.core.model.GeneratorLimits;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.Phase;
import dev.onrush.spi.CriterionResult;
import dev.onrush.spi.ErrorKind;
import dev.onrush.spi.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JudgeTest {

    private final List<Phase> phases = List.of(Phase.of("warm", Duration.ofSeconds(1), LoadShape.rate(100, 100)),
            Phase.of("steady", Duration.ofSeconds(1), LoadShape.rate(100, 100)));

    /** Warm: 100 requests of 100 ms on "a". Steady: 99 of 10 ms on "a", one refused on "b". */
    private RunAggregator data(long lagNs, int arrivals, int drops) {
        RunAggregator agg = new RunAggregator("t", List.of("a", "b"), new Timeline(phases), Instant.EPOCH,
                List.of(new int[] {1, 0}));
        RecorderSet warm = new RecorderSet(2);
        for (int i = 0; i < 100; i++) {
            warm.recordResponse(0, 200, 100_000_000, 90_000_000, 10, 10);
        }
        warm.recordLag(lagNs);
        for (int i = 0; i < arrivals; i++) {
            warm.recordArrival();
        }
        for (int i = 0; i < drops; i++) {
            warm.recordDrop();
        }
        agg.addInterval(List.of(warm), 0, 1_000_000_000L, 0);
        RecorderSet steady = new RecorderSet(2);
        for (int i = 0; i < 99; i++) {
            steady.recordResponse(0, 200, 10_000_000, 9_000_000, 10, 10);
        }
        steady.recordFailure(1, ErrorKind.CONNECT_REFUSED, 1_000_000, -1, 0, 0);
        agg.addInterval(List.of(steady), 1_000_000_000L, 2_000_000_000L, 0);
        return agg;
    }

    private List<CriterionResult> judge(RunAggregator agg, Criterion... criteria) {
        return Judge.judge(List.of(criteria), agg, phases, 2.0);
    }

    @Test
    void latencyPercentilesComeFromTheMergedHistogram() {
        List<CriterionResult> r = judge(data(0, 0, 0), Criterion.parse("p50 < 50ms"), Criterion.parse("p95 < 50ms"),
                Criterion.parse("max <= 101ms"));
        // 200 values: 100 of 1 ms-ish (steady), 100 of 100 ms: p50 lands in the fast half, p95 in the slow one
        assertThat(r.get(0).passed()).isTrue();
        assertThat(r.get(1).passed()).isFalse();
        assertThat(r.get(1).actual()).isCloseTo(100, within(0.1));
        assertThat(r.get(2).passed()).isTrue();
    }

    @Test
    void errorRateAndThroughputUseTheScope() {
        RunAggregator agg = data(0, 0, 0);
        List<CriterionResult> r = judge(agg, Criterion.parse("error_rate < 1%"),
                Criterion.parse("throughput > 100/s"), Criterion.parse("error_rate < 0.1%").forRequest("a"),
                Criterion.parse("p95 < 20ms").forPhase("steady"),
                Criterion.parse("p99 < 20ms").forPhase("steady").forRequest("a"),
                Criterion.parse("error_rate < 1%").forRequest("b"));
        assertThat(r.get(0).actual()).isCloseTo(0.5, within(1e-9));
        assertThat(r.get(0).passed()).isTrue();
        assertThat(r.get(1).actual()).isEqualTo(100.0);
        assertThat(r.get(1).passed()).isFalse();
        assertThat(r.get(2).passed()).isTrue();
        assertThat(r.get(3).passed()).isTrue();
        assertThat(r.get(3).scope()).isEqualTo("phase:steady");
        assertThat(r.get(4).passed()).isTrue();
        assertThat(r.get(5).actual()).isEqualTo(100.0);
        assertThat(r.get(5).passed()).isFalse();
    }

    @Test
    void noDataFailsALatencyCriterion() {
        RunAggregator empty = new RunAggregator("t", List.of("a"), new Timeline(phases), Instant.EPOCH, List.of());
        List<CriterionResult> r = Judge.judge(List.of(Criterion.parse("p95 < 1s")), empty, phases, 1);
        assertThat(r.get(0).actual()).isNaN();
        assertThat(r.get(0).passed()).isFalse();
    }

    @Test
    void verdictPrefersAbortThenGeneratorThenCriteria() {
        RunAggregator ok = data(1_000_000, 0, 0);
        List<CriterionResult> failing = judge(ok, Criterion.parse("p95 < 1ms"));
        List<CriterionResult> passing = judge(ok, Criterion.parse("p95 < 1s"));

        assertThat(Judge.decide(passing, ok, GeneratorLimits.DEFAULT, null).verdict()).isEqualTo(Verdict.PASSED);
        Judge.Decision failed = Judge.decide(failing, ok, GeneratorLimits.DEFAULT, null);
        assertThat(failed.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(failed.reason()).contains("p95 < 1ms", "actual 100");
        assertThat(Judge.decide(failing, ok, GeneratorLimits.DEFAULT, "SIGINT").verdict())
                .isEqualTo(Verdict.ABORTED);

        RunAggregator lagging = data(200_000_000, 0, 0);
        Judge.Decision lag = Judge.decide(failing, lagging, GeneratorLimits.DEFAULT, null);
        assertThat(lag.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(lag.reason()).contains("lag p99");

        RunAggregator dropping = data(0, 100, 2);
        Judge.Decision drop = Judge.decide(passing, dropping, GeneratorLimits.DEFAULT, null);
        assertThat(drop.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(drop.reason()).contains("2 dropped");
        assertThat(Judge.decide(passing, data(0, 1000, 2), GeneratorLimits.DEFAULT, null).verdict())
                .isEqualTo(Verdict.PASSED);
    }

    @Test
    void probeCriteriaJudgeAStatisticOfTheProbesSamples() {
        java.time.Instant t = java.time.Instant.EPOCH;
        List<dev.onrush.spi.ProbeSample> samples = List.of(
                new dev.onrush.spi.ProbeSample("cloudwatch", "cpu", t, 40, "percent", java.util.Map.of()),
                new dev.onrush.spi.ProbeSample("cloudwatch", "cpu", t.plusSeconds(60), 85, "percent", java.util.Map.of()),
                new dev.onrush.spi.ProbeSample("cloudwatch", "cpu", t.plusSeconds(120), 60, "percent", java.util.Map.of()),
                new dev.onrush.spi.ProbeSample("autoscaling", "in_service", t, 2, "count", java.util.Map.of()));
        assertThat(Judge.probeValue("cpu", "max", samples)).isEqualTo(85);
        assertThat(Judge.probeValue("cpu", "min", samples)).isEqualTo(40);
        assertThat(Judge.probeValue("cpu", "mean", samples)).isCloseTo(61.667, within(0.001));
        assertThat(Judge.probeValue("cpu", "last", samples)).isEqualTo(60);
        assertThat(Judge.probeValue("cpu", "p50", samples)).isEqualTo(60);
        assertThat(Judge.probeValue("memory", "max", samples)).isNaN();

        List<CriterionResult> r = Judge.judge(List.of(Criterion.parse("probe.cpu.max < 80"),
                Criterion.parse("probe.in_service.min >= 2"), Criterion.parse("probe.memory.max < 90")),
                data(0, 0, 0), phases, 2.0, samples);
        assertThat(r.get(0).passed()).isFalse();
        assertThat(r.get(0).actual()).isEqualTo(85);
        assertThat(r.get(0).unit()).isEqualTo("percent");
        assertThat(r.get(1).passed()).isTrue();
        assertThat(r.get(2).actual()).isNaN();
        assertThat(r.get(2).passed()).isFalse();
    }

    @Test
    void aSaturatedOrGcBoundGeneratorMakesTheRunInconclusive() {
        java.time.Instant t = java.time.Instant.EPOCH;
        java.util.function.BiFunction<String, Double, dev.onrush.spi.ProbeSample> own = (metric, value) ->
                new dev.onrush.spi.ProbeSample("process", metric, t, value, "percent", java.util.Map.of());
        RunAggregator ok = data(1_000_000, 0, 0);
        List<CriterionResult> passing = judge(ok, Criterion.parse("p95 < 1s"));

        Judge.Decision busy = Judge.decide(passing, ok, GeneratorLimits.DEFAULT, null, null, List.of(
                own.apply("cpu_percent", 97.0), own.apply("cpu_percent", 99.0), own.apply("cpu_percent", 60.0)));
        assertThat(busy.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(busy.reason()).contains("CPU was saturated", "97%");

        Judge.Decision gc = Judge.decide(passing, ok, GeneratorLimits.DEFAULT, null, null, List.of(
                own.apply("gc_pause_percent", 30.0), own.apply("gc_pause_percent", 25.0)));
        assertThat(gc.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(gc.reason()).contains("GC pauses");

        assertThat(Judge.decide(passing, ok, GeneratorLimits.DEFAULT, null, null, List.of(
                own.apply("cpu_percent", 40.0), own.apply("gc_pause_percent", 2.0))).verdict())
                .isEqualTo(Verdict.PASSED);
        // another probe's cpu (the system under test) never decides this
        assertThat(Judge.decide(passing, ok, GeneratorLimits.DEFAULT, null, null, List.of(
                new dev.onrush.spi.ProbeSample("cloudwatch", "cpu_percent", t, 99, "percent", java.util.Map.of())))
                .verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void moreThanOnePercentUnansweredAtTheEndFailsTheRunWhateverTheCriteriaSay() {
        List<CriterionResult> passing = judge(data(0, 0, 0), Criterion.parse("p50 < 50ms"));
        // 200 answered (one refused) plus 2 unanswered: 0.99 %, within the bound
        assertThat(Judge.decide(passing, withUnfinished(2), GeneratorLimits.DEFAULT, null).verdict())
                .isEqualTo(Verdict.PASSED);
        // plus 3: 1.48 %
        Judge.Decision failed = Judge.decide(passing, withUnfinished(3), GeneratorLimits.DEFAULT, null);
        assertThat(failed.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(failed.reason()).isEqualTo(
                "3 of 203 requests (1.48%) had no answer when the run ended (limit 1%): the target stopped answering");
        // an abort still reads as one
        assertThat(Judge.decide(passing, withUnfinished(3), GeneratorLimits.DEFAULT, "SIGTERM").verdict())
                .isEqualTo(Verdict.ABORTED);
    }

    @Test
    void theDefaultLagBoundIs50MsOnTheP99NotTheMax() {
        List<CriterionResult> passing = judge(data(0, 0, 0), Criterion.parse("p50 < 50ms"));
        assertThat(GeneratorLimits.DEFAULT.maxLagP99()).isEqualTo(Duration.ofMillis(50));
        // 100 lags: the 99th value is the p99, the 100th is only the max
        assertThat(Judge.decide(passing, withLags(98, 1_000_000, 2, 49_900_000), GeneratorLimits.DEFAULT, null)
                .verdict()).isEqualTo(Verdict.PASSED);
        assertThat(Judge.decide(passing, withLags(98, 1_000_000, 2, 50_000_000), GeneratorLimits.DEFAULT, null)
                .verdict()).as("exactly at the bound").isEqualTo(Verdict.PASSED);
        Judge.Decision above = Judge.decide(passing, withLags(98, 1_000_000, 2, 50_100_000), GeneratorLimits.DEFAULT,
                null);
        assertThat(above.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(above.reason()).contains("lag p99 was 50.1 ms (limit 50.0 ms)");
        assertThat(Judge.decide(passing, withLags(99, 1_000_000, 1, 5_000_000_000L), GeneratorLimits.DEFAULT, null)
                .verdict()).as("one late arrival in 100 is the max, not the p99").isEqualTo(Verdict.PASSED);
    }

    @Test
    void theDefaultDropBoundIsOnePercentOfArrivals() {
        List<CriterionResult> passing = judge(data(0, 0, 0), Criterion.parse("p50 < 50ms"));
        assertThat(GeneratorLimits.DEFAULT.maxDroppedPercent()).isEqualTo(1.0);
        assertThat(Judge.decide(passing, data(0, 10_000, 99), GeneratorLimits.DEFAULT, null).verdict())
                .isEqualTo(Verdict.PASSED);
        assertThat(Judge.decide(passing, data(0, 10_000, 100), GeneratorLimits.DEFAULT, null).verdict())
                .as("exactly 1 %% is within the bound").isEqualTo(Verdict.PASSED);
        Judge.Decision above = Judge.decide(passing, data(0, 10_000, 101), GeneratorLimits.DEFAULT, null);
        assertThat(above.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(above.reason()).contains("1.01% of arrivals (limit 1.00%): 101 dropped");
    }

    /** {@link #data} with {@code lowCount} lags of {@code lowNs} and {@code highCount} of {@code highNs}. */
    private RunAggregator withLags(int lowCount, long lowNs, int highCount, long highNs) {
        RunAggregator agg = data(0, 0, 0);
        RecorderSet lags = new RecorderSet(2);
        for (int i = 0; i < lowCount; i++) {
            lags.recordLag(lowNs);
        }
        for (int i = 0; i < highCount; i++) {
            lags.recordLag(highNs);
        }
        agg.addInterval(List.of(lags), 2_000_000_000L, 2_500_000_000L, 0);
        return agg;
    }

    /** {@link #data} with {@code n} requests still unanswered (30 s waited) in a last interval. */
    private RunAggregator withUnfinished(int n) {
        RunAggregator agg = data(0, 0, 0);
        RecorderSet end = new RecorderSet(2);
        for (int i = 0; i < n; i++) {
            end.recordFailure(0, ErrorKind.UNFINISHED, 30_000_000_000L, 29_000_000_000L, 10, 0);
        }
        agg.addInterval(List.of(end), 2_000_000_000L, 2_500_000_000L, 0);
        return agg;
    }
}
