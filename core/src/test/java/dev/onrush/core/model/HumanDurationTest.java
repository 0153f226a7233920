package dev.onrush.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HumanDurationTest {

    private static final long SEC = 1_000_000_000L;

    @ParameterizedTest(name = "{0} is {1} ns")
    @CsvSource({
            "250ms, 250000000",
            "30s, 30000000000",
            "1.5s, 1500000000",
            "5m, 300000000000",
            "2h, 7200000000000",
            "1m30s, 90000000000",
            "100us, 100000",
            "100µs, 100000",
            "7ns, 7",
            "1d, 86400000000000",
            "PT30S, 30000000000",
            "pt1m30s, 90000000000",
            "' 2H ', 7200000000000",
            "0s, 0"
    })
    void parsesNumbersWithUnitsAndIso8601(String text, long nanos) {
        assertThat(HumanDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @NullAndEmptySource
    @ValueSource(strings = {"5", "1.5", "5 minutes", "  ", "5x", "s", "1m 30s", "30s5", "P", "PTXS", "1,5s"})
    void rejectsTextWithoutAUnitOrWithUnknownWords(String text) {
        assertThatThrownBy(() -> HumanDuration.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining("is not a duration")
                .hasMessageContaining("250ms");
    }

    @ParameterizedTest(name = "\"{0}\" is negative")
    @ValueSource(strings = {"-5s", " -1m30s", "-PT5S", "PT-5S", "P-1D", "PT1M-90S"})
    void rejectsNegativeDurationsSayingTheyAreNegative(String text) {
        assertThatThrownBy(() -> HumanDuration.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining("negative");
    }

    @ParameterizedTest(name = "{0} formats as {1}")
    @CsvSource({
            "0, 0s",
            "7200000000000, 2h",
            "300000000000, 5m",
            "90000000000, 90s",
            "1500000000, 1.5s",
            "1000000000, 1s",
            "250000000, 250ms",
            "1250000, 1.25ms",
            "100000, 100us",
            "1, 0.001us"
    })
    void formatsInTheLargestReadableUnit(long nanos, String text) {
        assertThat(HumanDuration.format(Duration.ofNanos(nanos))).isEqualTo(text);
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    /**
     * {@code format} writes at most three decimals of its unit: from 1 s up that is millisecond precision, from
     * 1 ms up microsecond precision, below that nanosecond precision. A duration already at that precision
     * survives {@code parse(format(d))} exactly.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void formatRoundTripsThroughParseAtTheUnitsPrecision(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 500; i++) {
            long ns = quantized(randomNanos(random));
            String text = HumanDuration.format(Duration.ofNanos(ns));

            assertThat(HumanDuration.parse(text))
                    .as("seed %d: %d ns formatted as %s", seed, ns, text)
                    .isEqualTo(Duration.ofNanos(ns));
        }
    }

    /** Any duration comes back within half of the last digit {@code format} kept. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void formatLosesAtMostHalfOfItsLastDigit(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 500; i++) {
            long ns = randomNanos(random);
            String text = HumanDuration.format(Duration.ofNanos(ns));

            long back = HumanDuration.parse(text).toNanos();
            assertThat(Math.abs(back - ns))
                    .as("seed %d: %d ns formatted as %s, parsed back as %d ns", seed, ns, text, back)
                    .isLessThanOrEqualTo(precision(ns) / 2);
        }
    }

    /** Spread over the magnitudes format distinguishes: ns, us, ms, s, whole minutes and hours. */
    private static long randomNanos(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> random.nextLong(1, 1_000_000L);
            case 1 -> random.nextLong(1_000_000L, SEC);
            case 2 -> random.nextLong(SEC, 48 * 3600 * SEC);
            case 3 -> random.nextLong(1, 48 * 60) * 60 * SEC;
            case 4 -> random.nextLong(1, 48) * 3600 * SEC;
            default -> random.nextLong(1, 48 * 3600) * SEC;
        };
    }

    private static long precision(long ns) {
        return ns >= SEC ? 1_000_000L : ns >= 1_000_000L ? 1_000L : 1L;
    }

    private static long quantized(long ns) {
        long p = precision(ns);
        return Math.max(p, ns / p * p);
    }
}
