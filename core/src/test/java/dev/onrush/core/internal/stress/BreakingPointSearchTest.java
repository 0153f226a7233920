package dev.onrush.core.internal.stress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onrush.core.internal.criteria.Judge;
import dev.onrush.core.internal.metrics.RecorderSet;
import dev.onrush.core.internal.metrics.RunAggregator;
import dev.onrush.core.internal.schedule.Timeline;
import dev.onrush.core.model.LoadSettings;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.core.model.StressSettings;
import dev.onrush.core.model.TestType;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The breaking-point search fed synthetic one-second intervals, no engine and no network: a simulated target
 * serves at most {@code capacity} requests a second in arrival order, in 20 ms while it keeps up and in 2 s once
 * requests queue. Each second's arrivals follow the rate the search steered into the timeline.
 */
class BreakingPointSearchTest {

    private static final long NS = 1_000_000_000L;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final long FAST_NS = 20_000_000;
    private static final long QUEUED_NS = 2 * NS;

    /** A search from 100/s, doubling up to 1000/s, to within 10 %, 2 s steps, 1 s cooldown and warm-up. */
    private static final StressSettings SEARCH = new StressSettings(StressSettings.Mode.SEARCH, 100,
            Duration.ofSeconds(2), 2, 0.10, 1000, 5, Duration.ofSeconds(1), 3, Duration.ofSeconds(1));

    private static LoadTest.Builder stress() {
        return LoadTest.builder("stress").type(TestType.STRESS).target("http://127.0.0.1:1")
                .scenario(Scenario.of("users", 1, Step.Request.of("GET", "/api/users"), Duration.ZERO))
                .criterion("p95 < 250ms");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSearchClimbsThenBisectsToWithinItsPrecisionOfTheCapacity() {
        BreakingPoint bp = run(stress().stress(SEARCH).build(), 350);

        Map<String, Object> a = bp.analysis();
        List<Map<String, Object>> steps = (List<Map<String, Object>>) a.get("steps");
        assertThat(steps).extracting(s -> s.get("rate")).containsExactly(100.0, 200.0, 400.0, 300.0, 350.0, 375.0);
        assertThat(steps).extracting(s -> s.get("passed")).containsExactly(true, true, false, true, true, false);
        assertThat(a).containsEntry("mode", "search").containsEntry("max_sustainable_rps", 350.0)
                .containsEntry("breaking_rps", 375.0).containsEntry("precision_percent", 10.0);
        Judge.Decision d = bp.decision();
        assertThat(d.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(d.reason()).startsWith("breaks between 350 and 375 rps (within 10%): criterion \"p95 < 250ms\"");
        assertThat(bp.lastPassingPhase()).isEqualTo("step_5");
    }

    @Test
    void aSearchThatNeverBreaksStopsAtMaxRate() {
        BreakingPoint bp = run(stress().stress(SEARCH).build(), 100_000);

        assertThat(bp.analysis()).containsEntry("max_sustainable_rps", 1000.0).doesNotContainKey("breaking_rps");
        assertThat(bp.decision()).isEqualTo(new Judge.Decision(Verdict.PASSED,
                "no step failed up to max_rate 1000 rps: the breaking point is above it"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSearchWhoseFirstStepBreaksClimbsDownThenBisects() {
        BreakingPoint bp = run(stress().stress(SEARCH).build(), 60);

        Map<String, Object> a = bp.analysis();
        List<Map<String, Object>> steps = (List<Map<String, Object>>) a.get("steps");
        assertThat(steps.get(0)).containsEntry("rate", 100.0).containsEntry("passed", false)
                .containsEntry("phase", "step_1");
        // the slot after each failing step is left idle while the backlog drains: step_2 never runs
        assertThat(steps).extracting(s -> s.get("phase")).doesNotContain("step_2");
        assertThat(steps).extracting(s -> s.get("rate")).containsExactly(100.0, 50.0, 75.0, 62.5, 56.25, 59.375);
        assertThat(a).containsEntry("max_sustainable_rps", 59.375).containsEntry("breaking_rps", 62.5);
        assertThat(bp.decision().verdict()).isEqualTo(Verdict.PASSED);
        assertThat(bp.decision().reason()).startsWith("breaks between 59.38 and 62.50 rps");
    }

    @Test
    void aStaircaseWhoseStepsAllHoldPassesAboveItsLastStep() {
        BreakingPoint bp = run(staircase(), 1000);

        assertThat(bp.decision()).isEqualTo(new Judge.Decision(Verdict.PASSED,
                "every step held, up to 244.14 rps: the breaking point is above it"));
        assertThat(bp.analysis()).containsEntry("mode", "steps").doesNotContainKey("breaking_rps");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStaircaseStopsAtTheFirstFailingStep() {
        BreakingPoint bp = run(staircase(), 140);

        Map<String, Object> a = bp.analysis();
        assertThat((List<Map<String, Object>>) a.get("steps")).extracting(s -> s.get("passed"))
                .containsExactly(true, true, false);
        // the staircase reports what the target served
        assertThat(a).containsEntry("max_sustainable_rps", 125.0).containsEntry("breaking_rps", 140.0);
        assertThat(bp.decision().verdict()).isEqualTo(Verdict.PASSED);
        assertThat(bp.decision().reason()).startsWith("breaks at 156.25 rps: ");
    }

    @Test
    void aStaircaseWhoseFirstStepBreaksFails() {
        BreakingPoint bp = run(staircase(), 50);

        assertThat(bp.decision().verdict()).isEqualTo(Verdict.FAILED);
        assertThat(bp.decision().reason()).startsWith("breaks at 100 rps: ");
        assertThat(bp.analysis()).doesNotContainKey("max_sustainable_rps");
        assertThat(bp.lastPassingPhase()).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aUsersOwnPhasesAreStepsByTheirConstantLoadNotByTheirNames() {
        LoadTest test = stress().stress(StressSettings.DEFAULT_STEPS)
                .phase("low", Duration.ofSeconds(2), LoadShape.rate(100, 100))
                .phase("step_2", Duration.ofSeconds(2), LoadShape.rate(100, 200))
                .phase("high", Duration.ofSeconds(2), LoadShape.rate(200, 200)).build();

        BreakingPoint bp = run(test, 150);

        assertThat((List<Map<String, Object>>) bp.analysis().get("steps")).extracting(s -> s.get("phase"))
                .containsExactly("low", "high");
        assertThat(bp.decision().reason()).startsWith("breaks at 200 rps: ");
    }

    /** The seed's staircase from 100/s: 100, 125, 156.25, 195.31 and 244.14/s, 2 s each. */
    private static LoadTest staircase() {
        return stress().load(LoadSettings.rate(100, Duration.ofSeconds(2), Duration.ZERO, Duration.ZERO)).build();
    }

    /** Runs {@code test} against the simulated target until the search stops it or its timeline ends. */
    private static BreakingPoint run(LoadTest test, double capacity) {
        Timeline timeline = new Timeline(test.phases(), BreakingPoint.steeredPhases(test));
        BreakingPoint bp = new BreakingPoint(test, timeline);
        RunAggregator data = new RunAggregator("t", test.requestNames(), timeline, T0,
                BreakingPoint.requestScopes(test));
        SimulatedTarget target = new SimulatedTarget(capacity);
        for (long s = 0; s * NS < timeline.totalNs(); s++) {
            int phase = timeline.phaseAt(s * NS);
            assertThat(timeline.isSteered(phase) && Double.isNaN(timeline.steeredRate(phase)))
                    .as("second %d: phase %s runs before its rate was decided", s, timeline.phases().get(phase).name())
                    .isFalse();
            RecorderSet second = target.second(timeline.rateAt(s * NS));
            IntervalSnapshot interval = data.addInterval(List.of(second), s * NS, (s + 1) * NS, 0);
            if (bp.onInterval(interval, data) == BreakingPoint.STOP) {
                break;
            }
        }
        return bp;
    }

    /** Serves at most {@code capacity} requests a second, first come first served; keeps the rest queued. */
    private static final class SimulatedTarget {
        private final double capacity;
        private long queued;
        /** The fraction of an arrival carried to the next second, so fractional rates arrive on average. */
        private double carry;

        SimulatedTarget(double capacity) {
            this.capacity = capacity;
        }

        RecorderSet second(double rate) {
            RecorderSet set = new RecorderSet(1);
            double due = rate + carry;
            long arrivals = (long) Math.floor(due);
            carry = due - arrivals;
            for (long i = 0; i < arrivals; i++) {
                set.recordArrival();
            }
            long waiting = queued + arrivals;
            long served = Math.min(waiting, (long) capacity);
            long latencyNs = waiting > capacity ? QUEUED_NS : FAST_NS;
            for (long i = 0; i < served; i++) {
                set.recordResponse(0, 200, latencyNs, FAST_NS, 100, 300);
            }
            queued = waiting - served;
            return set;
        }
    }

    @Test
    void theSimulatedTargetQueuesWhatItCannotServe() {
        SimulatedTarget t = new SimulatedTarget(10);
        List<Long> left = new ArrayList<>();
        for (double rate : new double[] {15, 15, 0, 0}) {
            t.second(rate);
            left.add(t.queued);
        }
        assertThat(left).containsExactly(5L, 10L, 0L, 0L);
    }
}
