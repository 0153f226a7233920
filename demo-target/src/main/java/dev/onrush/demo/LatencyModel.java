package dev.onrush.demo;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A distribution of artificial service time that {@link DemoTarget} adds to its base latency. Values are
 * immutable and thread-safe; sampling draws from the caller's generator, so a seeded generator gives a
 * reproducible sequence.
 */
public sealed interface LatencyModel
        permits LatencyModel.Fixed, LatencyModel.Uniform, LatencyModel.Exponential, LatencyModel.LogNormal {

    /** The model that adds nothing. */
    LatencyModel NONE = new Fixed(Duration.ZERO);

    /**
     * Draws one service time.
     *
     * @param random the generator to draw from; used by the calling thread only
     * @return a non-negative duration in nanoseconds, saturated at {@link Long#MAX_VALUE}
     */
    long sampleNanos(RandomGenerator random);

    /** @return a model that always adds {@code value} */
    static LatencyModel fixed(Duration value) {
        return new Fixed(value);
    }

    /** @return a model uniform over {@code [min, max]} */
    static LatencyModel uniform(Duration min, Duration max) {
        return new Uniform(min, max);
    }

    /** @return an exponential model with the given mean */
    static LatencyModel exponential(Duration mean) {
        return new Exponential(mean);
    }

    /** @return a log-normal model with the given median and 99th percentile */
    static LatencyModel logNormal(Duration median, Duration p99) {
        return new LogNormal(median, p99);
    }

    /**
     * Always the same value.
     *
     * @param value non-negative
     */
    record Fixed(Duration value) implements LatencyModel {
        /** @throws IllegalArgumentException if value is null or negative */
        public Fixed {
            requireNonNegative("value", value);
        }

        @Override
        public long sampleNanos(RandomGenerator random) {
            return value.toNanos();
        }
    }

    /**
     * Uniform between two bounds, both included.
     *
     * @param min non-negative
     * @param max not less than {@code min}
     */
    record Uniform(Duration min, Duration max) implements LatencyModel {
        /** @throws IllegalArgumentException if a bound is null or negative, or max is less than min */
        public Uniform {
            requireNonNegative("min", min);
            requireNonNegative("max", max);
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("max: " + max + " is less than min " + min);
            }
        }

        @Override
        public long sampleNanos(RandomGenerator random) {
            long minNs = min.toNanos();
            long maxNs = max.toNanos();
            return minNs == maxNs ? minNs : random.nextLong(minNs, maxNs + 1);
        }
    }

    /**
     * Exponential, the memoryless service time of an M/M/c queue.
     *
     * @param mean non-negative
     */
    record Exponential(Duration mean) implements LatencyModel {
        /** @throws IllegalArgumentException if mean is null or negative */
        public Exponential {
            requireNonNegative("mean", mean);
        }

        @Override
        public long sampleNanos(RandomGenerator random) {
            // 1 - nextDouble() lies in (0, 1], so the logarithm is finite.
            return (long) (-mean.toNanos() * Math.log(1.0 - random.nextDouble()));
        }
    }

    /**
     * Log-normal, the long right tail typical of real services, given by its median and 99th percentile.
     *
     * @param median positive
     * @param p99    not less than {@code median}
     */
    record LogNormal(Duration median, Duration p99) implements LatencyModel {
        /** The standard normal quantile of 0.99. */
        private static final double Z_99 = 2.3263478740408408;

        /** @throws IllegalArgumentException if median is not positive or p99 is less than median */
        public LogNormal {
            requireNonNegative("median", median);
            requireNonNegative("p99", p99);
            if (median.isZero()) {
                throw new IllegalArgumentException("median: must be positive");
            }
            if (p99.compareTo(median) < 0) {
                throw new IllegalArgumentException("p99: " + p99 + " is less than median " + median);
            }
        }

        @Override
        public long sampleNanos(RandomGenerator random) {
            double mu = Math.log(median.toNanos());
            double sigma = (Math.log(p99.toNanos()) - mu) / Z_99;
            return (long) Math.exp(mu + sigma * random.nextGaussian());
        }
    }

    private static void requireNonNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + ": " + value + " is negative");
        }
    }
}
