package dev.onrush.core.internal.criteria;

import dev.onrush.core.internal.metrics.RecorderSet;
import dev.onrush.core.internal.metrics.RunAggregator;
import dev.onrush.core.internal.schedule.Timeline;
import dev.onrush.core.model.GeneratorLimits;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.Phase;
import dev.onrush.spi.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The first second's generator lag (JIT warm-up) is reported but not judged. */
class JudgeWarmUpTest {

    private static final long MS = 1_000_000L;

    /** Three seconds of 100 requests each; the first with lag {@code firstMs}, the others {@code laterMs}. */
    private static RunAggregator run(long firstMs, long laterMs) {
        List<Phase> phases = List.of(Phase.of("steady", Duration.ofSeconds(3), LoadShape.rate(100, 100)));
        RunAggregator agg = new RunAggregator("t", List.of("a"), new Timeline(phases), Instant.EPOCH, List.of());
        for (int second = 0; second < 3; second++) {
            RecorderSet r = new RecorderSet(1);
            for (int i = 0; i < 100; i++) {
                r.recordResponse(0, 200, 5 * MS, 4 * MS, 10, 10);
                r.recordLag((second == 0 ? firstMs : laterMs) * MS);
            }
            agg.addInterval(List.of(r), second * 1000 * MS, (second + 1) * 1000 * MS, 0);
        }
        return agg;
    }

    @Test
    void lagInTheFirstSecondOnlyDoesNotMakeTheRunInconclusive() {
        RunAggregator agg = run(80, 1);
        assertThat(agg.lag().getValueAtPercentile(99)).as("reported lag is the whole run's").isGreaterThan(50 * MS);
        Judge.Decision d = Judge.decide(List.of(), agg, GeneratorLimits.DEFAULT, null);
        assertThat(d.verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void lagAfterTheFirstSecondStillMakesItInconclusive() {
        Judge.Decision d = Judge.decide(List.of(), run(1, 80), GeneratorLimits.DEFAULT, null);
        assertThat(d.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(d.reason()).contains("lag p99", "after the first second");
    }
}
