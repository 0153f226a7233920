package dev.onrush.core.internal.criteria;

import dev.onrush.core.model.Criterion;
import dev.onrush.spi.GeneratorStats;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.LatencyStats;
import dev.onrush.spi.RequestStats;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AbortWatchTest {

    private static IntervalSnapshot second(int index, String phase, double p95Ms, long errors) {
        LatencyStats l = new LatencyStats(100, p95Ms / 2, p95Ms / 2, p95Ms, p95Ms, p95Ms, p95Ms, p95Ms);
        RequestStats s = new RequestStats(100, errors, errors, 100, 0, 0, l, l, Map.of(), Map.of());
        GeneratorStats g = new GeneratorStats(LatencyStats.EMPTY, LatencyStats.EMPTY, 0, 0);
        return new IntervalSnapshot("t", index, Instant.EPOCH.plusSeconds(index), 1.0, phase, 0, 100, s,
                Map.of("GET /", s), g, new byte[0]);
    }

    @Test
    void stopsOnceBrokenForTheWholeGrace() {
        AbortWatch w = new AbortWatch(List.of(Criterion.parse("p95 < 100ms").abortingAfter(Duration.ofSeconds(3))));
        assertThat(w.check(second(0, "p", 50, 0))).isNull();
        assertThat(w.check(second(1, "p", 500, 0))).isNull();
        assertThat(w.check(second(2, "p", 500, 0))).isNull();
        assertThat(w.check(second(3, "p", 500, 0))).contains("p95 < 100ms", "3 s");
    }

    @Test
    void aGoodSecondStartsTheGraceOver() {
        AbortWatch w = new AbortWatch(List.of(Criterion.parse("error_rate < 1%").abortingAfter(Duration.ofSeconds(2))));
        assertThat(w.check(second(0, "p", 1, 50))).isNull();
        assertThat(w.check(second(1, "p", 1, 0))).isNull();
        assertThat(w.check(second(2, "p", 1, 50))).isNull();
        assertThat(w.check(second(3, "p", 1, 50))).isNotNull();
    }

    @Test
    void scopedToAPhaseAndIgnoresOthers() {
        AbortWatch w = new AbortWatch(List.of(Criterion.parse("p95 < 100ms").forPhase("steady")
                .abortingAfter(Duration.ZERO)));
        assertThat(w.check(second(0, "warmup", 900, 0))).isNull();
        assertThat(w.check(second(1, "steady", 900, 0))).contains("[phase:steady]");
    }

    @Test
    void criteriaWithoutAbortOnFailAreNotWatched() {
        AbortWatch w = new AbortWatch(List.of(Criterion.parse("p95 < 100ms")));
        assertThat(w.active()).isFalse();
        assertThat(w.check(second(0, "p", 900, 0))).isNull();
    }
}
