package dev.onrush.core.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.onrush.core.internal.metrics.SizeBuckets;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VolumeAnalysisTest {

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 0", "2, 1", "1023, 9", "1024, 10", "2047, 10", "2048, 11", "10485760, 23"})
    void sizeClassIsTheFloorOfLog2(long bytes, int expected) {
        assertThat(SizeBuckets.sizeClass(bytes)).isEqualTo(expected);
    }

    /** The expected distinct count of random draws matches a simulation (seeded; the seed is in the message). */
    @ParameterizedTest(name = "seed {0}, {1} draws over 1..{2}")
    @CsvSource({"1, 1000, 1000", "2, 5000, 1000", "3, 100, 1000000", "4, 20000, 10000", "5, 7, 1"})
    void expectedDistinctRandomKeysMatchASimulation(long seed, long draws, long range) {
        SplittableRandom r = new SplittableRandom(seed);
        Set<Long> seen = new HashSet<>();
        for (long i = 0; i < draws; i++) {
            seen.add(r.nextLong(1, range + 1));
        }
        double expected = VolumeAnalysis.distinct("random:1:" + range, draws);

        // the count's standard deviation is below sqrt(expected); 5 of them leave room
        assertThat((double) seen.size()).as("seed %d", seed).isCloseTo(expected, within(5 * Math.sqrt(expected) + 1));
    }

    @Test
    void counterAndUuidValuesAreAllDistinct() {
        assertThat(VolumeAnalysis.distinct("counter", 123)).isEqualTo(123);
        assertThat(VolumeAnalysis.distinct("uuid", 5)).isEqualTo(5);
        assertThat(VolumeAnalysis.distinct("random:1:9", 0)).isZero();
    }
}
