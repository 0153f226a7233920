package dev.onrush.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyModelTest {

    private static final int SAMPLES = 20_000;

    @Test
    void fixedAlwaysReturnsItsValue() {
        assertThat(LatencyModel.fixed(Duration.ofMillis(7)).sampleNanos(new SplittableRandom(1)))
                .isEqualTo(7_000_000);
    }

    @Test
    void uniformStaysWithinBoundsAndCentresOnTheMidpoint() {
        long[] samples = sample(LatencyModel.uniform(Duration.ofMillis(10), Duration.ofMillis(30)));

        assertThat(Arrays.stream(samples).allMatch(ns -> ns >= 10_000_000 && ns <= 30_000_000)).isTrue();
        assertThat(mean(samples)).isCloseTo(20_000_000, within(500_000.0));
    }

    @Test
    void exponentialHasTheConfiguredMean() {
        long[] samples = sample(LatencyModel.exponential(Duration.ofMillis(20)));

        assertThat(Arrays.stream(samples).allMatch(ns -> ns >= 0)).isTrue();
        assertThat(mean(samples)).isCloseTo(20_000_000, within(1_000_000.0));
    }

    @Test
    void logNormalHasTheConfiguredMedianAndP99() {
        long[] samples = sample(LatencyModel.logNormal(Duration.ofMillis(10), Duration.ofMillis(100)));
        Arrays.sort(samples);

        assertThat((double) samples[SAMPLES / 2]).isCloseTo(10_000_000, within(600_000.0));
        assertThat((double) samples[SAMPLES * 99 / 100]).isCloseTo(100_000_000, within(12_000_000.0));
    }

    @Test
    void sameSeedGivesSameSequence() {
        LatencyModel model = LatencyModel.exponential(Duration.ofMillis(5));

        assertThat(sample(model)).isEqualTo(sample(model));
    }

    @Test
    void invalidParametersAreRejectedNamingTheParameter() {
        assertThatThrownBy(() -> LatencyModel.fixed(Duration.ofMillis(-1))).hasMessageStartingWith("value:");
        assertThatThrownBy(() -> LatencyModel.uniform(Duration.ofMillis(5), Duration.ofMillis(1)))
                .hasMessageStartingWith("max:");
        assertThatThrownBy(() -> LatencyModel.logNormal(Duration.ZERO, Duration.ofMillis(1)))
                .hasMessageStartingWith("median:");
        assertThatThrownBy(() -> LatencyModel.logNormal(Duration.ofMillis(5), Duration.ofMillis(1)))
                .hasMessageStartingWith("p99:");
        assertThatThrownBy(() -> LatencyModel.exponential(null)).hasMessage("mean");
    }

    private static long[] sample(LatencyModel model) {
        SplittableRandom random = new SplittableRandom(42);
        long[] samples = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            samples[i] = model.sampleNanos(random);
        }
        return samples;
    }

    private static double mean(long[] samples) {
        return Arrays.stream(samples).average().orElseThrow();
    }
}
