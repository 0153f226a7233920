package dev.onrush.core.internal.schedule;

import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.Phase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded property tests of open-model arrival times. */
class ArrivalScheduleTest {

    static LongStream seeds() {
        return LongStream.range(1, 101);
    }

    /** Random rate phases (constant and ramps, up and down), sometimes with a users phase between them. */
    private static List<Phase> randomPhases(SplittableRandom r) {
        List<Phase> phases = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            Duration d = Duration.ofMillis(200 + r.nextInt(3000));
            if (r.nextInt(5) == 0) {
                phases.add(Phase.of("u" + i, d, LoadShape.users(1, 1 + r.nextInt(10))));
                continue;
            }
            double from = r.nextInt(4) == 0 ? 0 : 1 + r.nextDouble(2000);
            double to = r.nextBoolean() && from > 0 ? from : r.nextDouble(2000) + 1;
            phases.add(Phase.of("r" + i, d, LoadShape.rate(from, to)));
        }
        return phases;
    }

    /** The integral of the plan's rate over [a, b), ns. */
    private static double integral(Timeline t, long a, long b) {
        double sum = 0;
        for (int i = 0; i < t.size(); i++) {
            if (!(t.shape(i) instanceof LoadShape.Rate rate)) {
                continue;
            }
            long s = t.startNs(i);
            long e = s + t.lengthNs(i);
            long lo = Math.max(a, s);
            long hi = Math.min(b, e);
            if (lo >= hi) {
                continue;
            }
            double len = t.lengthNs(i) / 1e9;
            double slope = (rate.toPerSec() - rate.fromPerSec()) / len;
            double x0 = (lo - s) / 1e9;
            double x1 = (hi - s) / 1e9;
            sum += rate.fromPerSec() * (x1 - x0) + slope * (x1 * x1 - x0 * x0) / 2;
        }
        return sum;
    }

    private static List<Long> all(Timeline t, int offset, int stride) {
        ArrivalSchedule s = new ArrivalSchedule(t, offset, stride);
        List<Long> times = new ArrayList<>();
        for (long next = s.nextFireTimeNs(); next != ArrivalSchedule.NONE; next = s.advance()) {
            times.add(next);
        }
        return times;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void countInAnyWindowIsTheIntegralWithinOneArrival(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Timeline t = new Timeline(randomPhases(r));
        List<Long> times = all(t, 0, 1);
        for (int w = 0; w < 20; w++) {
            long a = (long) (r.nextDouble() * t.totalNs());
            long b = a + (long) (r.nextDouble() * (t.totalNs() - a));
            long count = times.stream().filter(x -> x >= a && x < b).count();
            assertThat((double) count).as("seed %d window [%d, %d)", seed, a, b)
                    .isCloseTo(integral(t, a, b), org.assertj.core.api.Assertions.within(1.0 + 1e-6));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void timesNeverDecreaseAndStayInsideRatePhases(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Timeline t = new Timeline(randomPhases(r));
        List<Long> times = all(t, 0, 1);
        for (int i = 0; i < times.size(); i++) {
            long x = times.get(i);
            if (i > 0) {
                assertThat(x).as("seed %d arrival %d", seed, i).isGreaterThanOrEqualTo(times.get(i - 1));
            }
            assertThat(x).as("seed %d arrival %d", seed, i).isBetween(0L, t.totalNs() - 1);
            assertThat(t.shape(t.phaseAt(x))).as("seed %d arrival %d at %d", seed, i, x)
                    .isInstanceOf(LoadShape.Rate.class);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shardsTogetherMakeExactlyTheRunWideSequence(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Timeline t = new Timeline(randomPhases(r));
        int stride = 1 + r.nextInt(4);
        List<Long> whole = all(t, 0, 1);
        List<Long> merged = new ArrayList<>();
        for (int s = 0; s < stride; s++) {
            merged.addAll(all(t, s, stride));
        }
        merged.sort(null);
        assertThat(merged).as("seed %d stride %d", seed, stride).isEqualTo(whole);
    }

    @Test
    void constantRateFiresEvenlyFromTheStart() {
        Timeline t = new Timeline(List.of(Phase.of("c", Duration.ofSeconds(5), LoadShape.rate(1000, 1000))));
        List<Long> times = all(t, 0, 1);
        assertThat(times).hasSize(5000);
        assertThat(times.get(0)).isZero();
        assertThat(times.get(1)).isEqualTo(1_000_000L);
        assertThat(times.get(4999)).isEqualTo(4_999_000_000L);
    }

    @Test
    void rampStartsAndEndsAtItsRates() {
        // 100/s -> 1000/s over 10 s: 5,500 arrivals
        Timeline t = new Timeline(List.of(Phase.of("ramp", Duration.ofSeconds(10), LoadShape.rate(100, 1000))));
        List<Long> times = all(t, 0, 1);
        assertThat(times).hasSize(5500);
        double firstGapSec = (times.get(1) - times.get(0)) / 1e9;
        double lastGapSec = (times.get(times.size() - 1) - times.get(times.size() - 2)) / 1e9;
        assertThat(1 / firstGapSec).isCloseTo(100, org.assertj.core.api.Assertions.within(1.0));
        assertThat(1 / lastGapSec).isCloseTo(1000, org.assertj.core.api.Assertions.within(10.0));
    }

    @Test
    void rampFromZeroStartsSlowly() {
        Timeline t = new Timeline(List.of(Phase.of("ramp", Duration.ofSeconds(2), LoadShape.rate(0, 100))));
        List<Long> times = all(t, 0, 1);
        assertThat(times).hasSize(100);
        // N(t) = 100 t^2 / (2 * 2 s) = 25 t^2: the arrival after the first is due at N = 1, t = 0.2 s
        assertThat(times.get(1) / 1e9).isCloseTo(Math.sqrt(1 / 25.0), org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void usersPhasesHaveNoArrivals() {
        Timeline t = new Timeline(List.of(Phase.of("u", Duration.ofSeconds(1), LoadShape.users(5, 5)),
                Phase.of("r", Duration.ofSeconds(1), LoadShape.rate(10, 10))));
        List<Long> times = all(t, 0, 1);
        assertThat(times).hasSize(10).allMatch(x -> x >= 1_000_000_000L);
    }
}
