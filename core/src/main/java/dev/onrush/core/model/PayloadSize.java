package dev.onrush.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A distribution of payload sizes in bytes, drawn once per request: a request body of that many bytes
 * ({@code body_size}), or a value a request asks the target to answer with ({@code response_size}, used through
 * the template variable {@code ${response_size}}). Every draw lies in {@code [min(), max()]}.
 *
 * <p>Sizes in plans are text: {@code 512}, {@code 512B}, {@code 4KiB}, {@code 10MiB}, {@code 1GiB} (powers of 1024)
 * or {@code 4KB}, {@code 10MB}, {@code 1GB} (powers of 1000), at most {@link #MAX_BYTES}.
 *
 * <p>Values are immutable; {@link #draw} uses only the generator it is given (thread-confined like it).
 */
public sealed interface PayloadSize
        permits PayloadSize.Fixed, PayloadSize.Uniform, PayloadSize.LogNormal, PayloadSize.Choice {

    /** The largest size a distribution may produce: 1 GiB. */
    long MAX_BYTES = 1L << 30;

    /** The smallest size a draw can give. */
    long min();

    /** The largest size a draw can give. */
    long max();

    /** One size, in {@code [min(), max()]}. */
    long draw(RandomGenerator random);

    /** The plan key of the distribution: {@code fixed}, {@code uniform}, {@code lognormal} or {@code choice}. */
    String distribution();

    /** Always {@code bytes}. */
    static Fixed fixed(long bytes) {
        return new Fixed(bytes);
    }

    /** Uniform over {@code [min, max]}. */
    static Uniform uniform(long min, long max) {
        return new Uniform(min, max);
    }

    /**
     * Always {@code bytes}.
     *
     * @param bytes {@code 0 <= bytes <= MAX_BYTES}
     */
    record Fixed(long bytes) implements PayloadSize {
        public Fixed {
            requireSize("size", bytes);
        }

        @Override
        public long min() {
            return bytes;
        }

        @Override
        public long max() {
            return bytes;
        }

        @Override
        public long draw(RandomGenerator random) {
            return bytes;
        }

        @Override
        public String distribution() {
            return "fixed";
        }
    }

    /**
     * Every size in {@code [min, max]} equally likely.
     *
     * @param min {@code >= 0}
     * @param max {@code min <= max <= MAX_BYTES}
     */
    record Uniform(long min, long max) implements PayloadSize {
        public Uniform {
            requireRange(min, max);
        }

        @Override
        public long draw(RandomGenerator random) {
            return min == max ? min : random.nextLong(min, max + 1);
        }

        @Override
        public String distribution() {
            return "uniform";
        }
    }

    /**
     * Log-normal, given by its median and 99th percentile (the shape of real payload sizes: most small, a long
     * tail), with draws outside {@code [min, max]} clamped to the nearer bound.
     *
     * @param median the median, {@code > 0}
     * @param p99    the 99th percentile, {@code >= median}
     * @param min    the smallest size sent, {@code >= 0}
     * @param max    the largest size sent, {@code min <= max <= MAX_BYTES}
     */
    record LogNormal(long median, long p99, long min, long max) implements PayloadSize {
        /** The standard normal quantile of 0.99. */
        static final double Z99 = 2.3263478740408408;

        public LogNormal {
            requireRange(min, max);
            if (median <= 0 || p99 < median) {
                throw new IllegalArgumentException("lognormal: needs 0 < median <= p99, got median=" + median
                        + " p99=" + p99);
            }
        }

        @Override
        public long draw(RandomGenerator random) {
            double sigma = Math.log((double) p99 / median) / Z99;
            double v = median * Math.exp(sigma * random.nextGaussian());
            return Math.max(min, Math.min(max, Math.round(v)));
        }

        @Override
        public String distribution() {
            return "lognormal";
        }
    }

    /**
     * One of a few sizes, with relative weights.
     *
     * @param sizes   at least one size
     * @param weights one weight {@code >= 0} per size, summing to more than 0
     */
    record Choice(List<Long> sizes, List<Integer> weights) implements PayloadSize {
        public Choice {
            sizes = List.copyOf(sizes);
            weights = List.copyOf(weights);
            if (sizes.isEmpty()) {
                throw new IllegalArgumentException("choice: needs at least one size");
            }
            if (weights.size() != sizes.size()) {
                throw new IllegalArgumentException("choice: needs one weight per size, got " + weights.size()
                        + " weights for " + sizes.size() + " sizes");
            }
            sizes.forEach(s -> requireSize("sizes", s));
            if (weights.stream().anyMatch(w -> w < 0) || weights.stream().mapToLong(w -> w).sum() <= 0) {
                throw new IllegalArgumentException("choice: weights must be >= 0 and sum to more than 0");
            }
        }

        /** Equally likely sizes. */
        public static Choice of(Long... sizes) {
            List<Integer> weights = new ArrayList<>();
            for (int i = 0; i < sizes.length; i++) {
                weights.add(1);
            }
            return new Choice(List.of(sizes), weights);
        }

        @Override
        public long min() {
            return sizes.stream().mapToLong(Long::longValue).min().orElseThrow();
        }

        @Override
        public long max() {
            return sizes.stream().mapToLong(Long::longValue).max().orElseThrow();
        }

        @Override
        public long draw(RandomGenerator random) {
            long total = 0;
            for (int w : weights) {
                total += w;
            }
            long x = random.nextLong(total);
            for (int i = 0; i < sizes.size(); i++) {
                x -= weights.get(i);
                if (x < 0) {
                    return sizes.get(i);
                }
            }
            return sizes.get(sizes.size() - 1);
        }

        @Override
        public String distribution() {
            return "choice";
        }
    }

    /**
     * Parses a size: a whole number of bytes with an optional unit {@code B}, {@code KiB}, {@code MiB},
     * {@code GiB} (1024-based) or {@code KB}, {@code MB}, {@code GB} (1000-based), case-insensitive; spaces
     * between number and unit allowed.
     *
     * @throws IllegalArgumentException naming the text, when it is not a size or exceeds {@link #MAX_BYTES}
     */
    static long parseBytes(String text) {
        Matcher m = Pattern.compile("(\\d{1,19})\\s*(b|kib|mib|gib|kb|mb|gb)?", Pattern.CASE_INSENSITIVE)
                .matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a size (e.g. 512B, 64KiB, 10MiB, 1MB)");
        }
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long factor = switch (unit) {
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            case "kb" -> 1_000L;
            case "mb" -> 1_000_000L;
            case "gb" -> 1_000_000_000L;
            default -> 1;
        };
        long number;
        try {
            number = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            number = Long.MAX_VALUE;
        }
        if (number > MAX_BYTES / factor) {
            throw new IllegalArgumentException("\"" + text + "\" is more than the largest size, 1GiB");
        }
        return number * factor;
    }

    /**
     * A size as the shortest exact text {@link #parseBytes} reads back: {@code 10MiB}, {@code 1500B},
     * {@code 4KB}.
     */
    static String formatBytes(long bytes) {
        String[] binary = {"GiB", "MiB", "KiB"};
        String[] decimal = {"GB", "MB", "KB"};
        long[] binaryFactor = {1L << 30, 1L << 20, 1L << 10};
        long[] decimalFactor = {1_000_000_000L, 1_000_000L, 1_000L};
        for (int i = 0; i < 3; i++) {
            if (bytes > 0 && bytes % binaryFactor[i] == 0) {
                return bytes / binaryFactor[i] + binary[i];
            }
            if (bytes > 0 && bytes % decimalFactor[i] == 0) {
                return bytes / decimalFactor[i] + decimal[i];
            }
        }
        return bytes + "B";
    }

    private static void requireSize(String what, long bytes) {
        if (bytes < 0 || bytes > MAX_BYTES) {
            throw new IllegalArgumentException(what + ": must be within [0, 1GiB], got " + bytes);
        }
    }

    private static void requireRange(long min, long max) {
        requireSize("min", min);
        requireSize("max", max);
        if (min > max) {
            throw new IllegalArgumentException("min " + formatBytes(min) + " is more than max " + formatBytes(max));
        }
    }
}
