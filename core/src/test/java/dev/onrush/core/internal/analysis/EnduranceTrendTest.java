package dev.onrush.core.internal.analysis;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The drift test on synthetic series with a seeded noise. */
class EnduranceTrendTest {

    private static List<Double> x(int n) {
        List<Double> x = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            x.add(60.0 * i + 30);
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void aFlatNoisySeriesDoesNotDrift(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            y.add(100 + r.nextGaussian() * 10);
        }
        List<String> drifting = new ArrayList<>();
        Map<String, Object> m = EnduranceAnalysis.trend("p95_ms", x(30), y, 10, true, drifting);
        assertThat(m.get("drift")).as("seed %d: %s", seed, m).isEqualTo(false);
        assertThat(drifting).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void aSeriesGrowingByAThirdDrifts(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            y.add(100 + i * 40.0 / 29 + r.nextGaussian() * 3);
        }
        List<String> drifting = new ArrayList<>();
        Map<String, Object> m = EnduranceAnalysis.trend("p95_ms", x(30), y, 10, true, drifting);
        assertThat(m.get("drift")).as("seed %d: %s", seed, m).isEqualTo(true);
        assertThat((double) m.get("change_over_run_percent")).as("seed %d", seed).isBetween(25.0, 45.0);
        assertThat(drifting).containsExactly("p95_ms");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void tooFewWindowsNeverDrift(int n) {
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            y.add(100.0 * (i + 1));
        }
        assertThat(EnduranceAnalysis.trend("p95_ms", x(n), y, 10, true, new ArrayList<>()).get("drift"))
                .isEqualTo(false);
    }
}
