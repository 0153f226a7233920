package dev.onrush.spi;

/**
 * A summary of one latency distribution, every value in milliseconds, computed from one (merged) histogram.
 * When the distribution is empty every value is {@code 0} and {@link #count()} is {@code 0}.
 *
 * @param count number of recorded values
 * @param mean  arithmetic mean
 * @param p50   median
 * @param p90   90th percentile
 * @param p95   95th percentile
 * @param p99   99th percentile
 * @param p999  99.9th percentile
 * @param max   largest recorded value (to the histogram's precision)
 */
public record LatencyStats(long count, double mean, double p50, double p90, double p95, double p99, double p999,
                           double max) {

    /** The summary of an empty distribution. */
    public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0, 0, 0, 0, 0);
}
