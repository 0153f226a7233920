package dev.onrush.core.internal.analysis;

import dev.onrush.core.internal.metrics.Histograms;
import dev.onrush.core.model.LoadSettings;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.Phase;
import dev.onrush.core.model.PhaseRole;
import dev.onrush.core.model.Presets;
import dev.onrush.core.model.TestType;
import dev.onrush.spi.GeneratorStats;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.LatencyStats;
import dev.onrush.spi.RequestStats;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The spike analysis on synthetic runs: the preset's 8 s before the spike at a p95 of 20 ms, the 20 s spike, and
 * 8 s after it whose seconds take the latencies a test gives. Recovered means a second of the "after" phase within
 * 10 % of the pre-spike p95 (22 ms) that stays within it for three seconds (fewer at the phase's end).
 */
class SpikeAnalysisTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<Phase> PRESET = Presets.expand(TestType.SPIKE,
            LoadSettings.rate(100, Duration.ofSeconds(20), Duration.ZERO, Duration.ZERO));
    private static final double BEFORE_MS = 20;
    private static final double DURING_MS = 200;

    @Test
    void latencyBackWithinTenPercentForThreeSecondsIsARecoveryFromTheStartOfTheFirstOfThem() {
        Map<String, Object> m = SpikeAnalysis.analyze(PRESET, run(PRESET, 1, 300, 100, 21, 21, 21.5, 21, 21, 21));

        assertThat(m).containsEntry("spike_phase", "spike").containsEntry("recovered", true)
                .containsEntry("recovery_time_s", 2.0);
        assertThat((double) m.get("recovery_bound_p95_ms")).isCloseTo(22, within(0.05));
        assertThat((double) ((Map<?, ?>) m.get("before")).get("p95_ms")).isCloseTo(BEFORE_MS, within(0.05));
        assertThat((double) ((Map<?, ?>) m.get("during")).get("p95_ms")).isCloseTo(DURING_MS, within(0.5));
        assertThat((double) m.get("p95_increase_percent")).isCloseTo(900, within(1.0));
    }

    @Test
    void oneGoodSecondIsNotARecovery() {
        Map<String, Object> m = SpikeAnalysis.analyze(PRESET, run(PRESET, 1, 100, 21, 100, 21, 21, 21, 100, 100));

        assertThat(m).containsEntry("recovered", true).containsEntry("recovery_time_s", 3.0);
    }

    @Test
    void latencyThatNeverStaysWithinTheBoundIsNotRecovered() {
        Map<String, Object> m = SpikeAnalysis.analyze(PRESET, run(PRESET, 1, 300, 21, 21, 30, 21, 21, 40, 25));

        assertThat(m).containsEntry("recovered", false).containsEntry("recovery_time_s", "not recovered");
    }

    @Test
    void theBoundIsTenPercentAboveThePreSpikeP95JustBelowRecoversJustAboveDoesNot() {
        assertThat(SpikeAnalysis.RECOVERY_TOLERANCE).isEqualTo(1.10);
        // pre-spike p95 20 ms: the bound is 22 ms (to the histogram's 0.1 % resolution)
        assertThat(SpikeAnalysis.analyze(PRESET, run(PRESET, 1, 300, 21.95, 21.95, 21.95, 21.95, 21.95, 21.95, 21.95)))
                .containsEntry("recovered", true).containsEntry("recovery_time_s", 1.0);
        assertThat(SpikeAnalysis.analyze(PRESET, run(PRESET, 1, 300, 22.05, 22.05, 22.05, 22.05, 22.05, 22.05, 22.05)))
                .containsEntry("recovered", false).containsEntry("recovery_time_s", "not recovered");
    }

    @Test
    void recoveryNeedsThreeSecondsWithinTheBoundTwoAreNotEnough() {
        assertThat(SpikeAnalysis.RECOVERY_SECONDS).isEqualTo(3);
        // seconds 1-2 are within, 3 is not; 4-6 are: the recovery starts at second 4
        Map<String, Object> m = SpikeAnalysis.analyze(PRESET, run(PRESET, 1, 300, 21, 21, 30, 21, 21, 21, 30));

        assertThat(m).containsEntry("recovered", true).containsEntry("recovery_time_s", 4.0);
    }

    @Test
    void theLastSecondsOfTheAfterPhaseRecoverWhenFewerThanThreeRemain() {
        // within the bound only in the last two seconds of the phase: a recovery, shortened by the phase's end
        Map<String, Object> m = SpikeAnalysis.analyze(PRESET, run(PRESET, 1, 300, 30, 30, 30, 30, 30, 21, 21));

        assertThat(m).containsEntry("recovered", true).containsEntry("recovery_time_s", 6.0);
        // never within it: not recovered, however close the last second came
        assertThat(SpikeAnalysis.analyze(PRESET, run(PRESET, 1, 300, 30, 30, 30, 30, 30, 30, 23)))
                .containsEntry("recovered", false);
    }

    @Test
    void aUsersPhaseCalledSpikeIsNotTheSpikeTheHighestLoadIs() {
        List<Phase> phases = List.of(
                Phase.of("base", Duration.ofSeconds(8), LoadShape.rate(50, 50)),
                Phase.of("spike", Duration.ofSeconds(20), LoadShape.rate(60, 60)),
                Phase.of("peak", Duration.ofSeconds(8), LoadShape.rate(200, 200)),
                Phase.of("cool", Duration.ofSeconds(8), LoadShape.rate(50, 50)));

        Map<String, Object> m = SpikeAnalysis.analyze(phases, run(phases, 2, 21, 21, 21, 21, 21, 21, 21, 21));

        assertThat(m).containsEntry("spike_phase", "peak");
    }

    @Test
    void thePhaseWithTheSpikeRoleIsTheSpikeEvenWhenAnotherPhaseHasMoreLoad() {
        List<Phase> phases = List.of(
                Phase.of("calm", Duration.ofSeconds(8), LoadShape.rate(50, 50), PhaseRole.HOLD),
                Phase.of("burst", Duration.ofSeconds(20), LoadShape.rate(150, 150), PhaseRole.SPIKE),
                Phase.of("after", Duration.ofSeconds(8), LoadShape.rate(50, 50), PhaseRole.HOLD),
                Phase.of("soak", Duration.ofSeconds(8), LoadShape.rate(300, 300)));

        Map<String, Object> m = SpikeAnalysis.analyze(phases, run(phases, 1, 300, 21, 21, 21, 21, 21, 21, 21));

        assertThat(m).containsEntry("spike_phase", "burst").containsEntry("recovery_time_s", 1.0);
    }

    @Test
    void phasesThatDoNotSurroundASpikeHaveNoAnalysis() {
        List<Phase> phases = List.of(Phase.of("only", Duration.ofSeconds(8), LoadShape.rate(50, 50)));

        assertThat(SpikeAnalysis.analyze(phases, List.of())).isEmpty();
    }

    /**
     * One-second intervals, 100 requests each: 8 in the phase before {@code phases[spike]} at 20 ms, 20 in it at
     * 200 ms, then one per {@code afterMs} in the phase after it.
     */
    private static List<IntervalSnapshot> run(List<Phase> phases, int spike, double... afterMs) {
        List<IntervalSnapshot> out = new ArrayList<>();
        int second = 0;
        for (int i = 0; i < 8; i++) {
            out.add(interval(second++, phases.get(spike - 1).name(), BEFORE_MS));
        }
        for (int i = 0; i < 20; i++) {
            out.add(interval(second++, phases.get(spike).name(), DURING_MS));
        }
        for (double ms : afterMs) {
            out.add(interval(second++, phases.get(spike + 1).name(), ms));
        }
        return out;
    }

    private static IntervalSnapshot interval(int second, String phase, double latencyMs) {
        Histogram h = Histograms.newTotal();
        h.recordValueWithCount((long) (latencyMs * 1e6), 100);
        LatencyStats l = Histograms.stats(h);
        RequestStats totals = new RequestStats(100, 0, 0, 100, 0, 0, l, l, Map.of(), Map.of());
        return new IntervalSnapshot("t", second, T0.plusSeconds(second), 1.0, phase, 0, 100, totals, Map.of(),
                new GeneratorStats(l, l, 0, 0), Histograms.compress(h));
    }
}
