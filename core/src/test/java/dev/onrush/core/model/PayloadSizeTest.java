package dev.onrush.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded statistical properties of the size distributions; each failure names its seed. */
class PayloadSizeTest {

    static final int DRAWS = 20_000;

    static LongStream seeds() {
        return LongStream.of(1, 42, 20240601, -7, 987654321);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void uniformStaysInRangeWithTheExpectedMean(long seed) {
        SplittableRandom seeds = new SplittableRandom(seed);
        long min = seeds.nextLong(0, 1 << 20);
        long max = min + seeds.nextLong(1, 1 << 24);
        PayloadSize u = PayloadSize.uniform(min, max);
        long[] d = draw(u, seed);

        assertThat(Arrays.stream(d).boxed().toList()).as("seed %d", seed).allMatch(v -> v >= min && v <= max);
        // the mean of 20,000 uniform draws is within 4 standard errors of the middle
        double sd = (max - min) / Math.sqrt(12);
        assertThat(mean(d)).as("seed %d", seed).isCloseTo((min + max) / 2.0, within(4 * sd / Math.sqrt(DRAWS)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void lognormalHasItsMedianAndP99AndIsClamped(long seed) {
        PayloadSize.LogNormal l = new PayloadSize.LogNormal(16 * 1024, 2 << 20, 1024, 4 << 20);
        long[] d = draw(l, seed);
        Arrays.sort(d);

        assertThat(d[0]).as("seed %d", seed).isGreaterThanOrEqualTo(1024);
        assertThat(d[d.length - 1]).as("seed %d", seed).isLessThanOrEqualTo(4 << 20);
        assertThat((double) d[DRAWS / 2]).as("seed %d", seed).isCloseTo(16 * 1024, within(16 * 1024 * 0.06));
        assertThat((double) d[(int) (DRAWS * 0.99)]).as("seed %d", seed).isCloseTo(2 << 20, within((2 << 20) * 0.15));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void choiceFollowsItsWeights(long seed) {
        PayloadSize c = new PayloadSize.Choice(List.of(1024L, 1L << 20), List.of(9, 1));
        long[] d = draw(c, seed);
        long small = Arrays.stream(d).filter(v -> v == 1024).count();

        assertThat(Arrays.stream(d).boxed().toList()).as("seed %d", seed).allMatch(v -> v == 1024 || v == 1L << 20);
        // binomial(20000, 0.9): sd about 42
        assertThat(small).as("seed %d", seed).isBetween(18_000L - 200, 18_000L + 200);
    }

    @Test
    void fixedAlwaysGivesItsSize() {
        assertThat(draw(PayloadSize.fixed(777), 3)).containsOnly(777L);
    }

    @ParameterizedTest
    @CsvSource({"512, 512", "512B, 512", "4KiB, 4096", "4 kib, 4096", "10MiB, 10485760", "1GiB, 1073741824",
            "4KB, 4000", "10MB, 10000000", "1GB, 1000000000"})
    void parsesSizes(String text, long bytes) {
        assertThat(PayloadSize.parseBytes(text)).isEqualTo(bytes);
        assertThat(PayloadSize.parseBytes(PayloadSize.formatBytes(bytes))).isEqualTo(bytes);
    }

    @Test
    void rejectsBadSizes() {
        assertThatThrownBy(() -> PayloadSize.parseBytes("2GiB")).hasMessageContaining("more than the largest");
        assertThatThrownBy(() -> PayloadSize.parseBytes("1.5MiB")).hasMessageContaining("not a size");
        assertThatThrownBy(() -> PayloadSize.parseBytes("-1")).hasMessageContaining("not a size");
        assertThatThrownBy(() -> PayloadSize.uniform(10, 1)).hasMessageContaining("more than max");
        assertThatThrownBy(() -> new PayloadSize.LogNormal(10, 5, 0, 100)).hasMessageContaining("median");
    }

    @Test
    void formatsTheShortestExactUnit() {
        assertThat(PayloadSize.formatBytes(10 << 20)).isEqualTo("10MiB");
        assertThat(PayloadSize.formatBytes(1500)).isEqualTo("1500B");
        assertThat(PayloadSize.formatBytes(4000)).isEqualTo("4KB");
        assertThat(PayloadSize.formatBytes(0)).isEqualTo("0B");
    }

    private static long[] draw(PayloadSize size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return LongStream.range(0, DRAWS).map(i -> size.draw(r)).toArray();
    }

    private static double mean(long[] d) {
        return Arrays.stream(d).average().orElseThrow();
    }
}
