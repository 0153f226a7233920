package dev.onrush.sink.dynamodb;

import java.time.Instant;
import java.util.Objects;

/**
 * One run's headline figures as the {@code dynamodb} sink stored them in the results table. Immutable. A figure the
 * run did not measure (the sink leaves non-finite numbers out) is {@link Double#NaN}.
 *
 * @param testId           the run's id
 * @param testName         the test's name (the table's partition key)
 * @param startedAt        when the run started, to the millisecond
 * @param verdict          its verdict, e.g. {@code PASSED}
 * @param p95Ms            latency p95 in milliseconds
 * @param p99Ms            latency p99 in milliseconds
 * @param throughputRps    completed requests per second
 * @param errorRatePercent failed requests in percent
 */
public record StoredRun(String testId, String testName, Instant startedAt, String verdict, double p95Ms,
                        double p99Ms, double throughputRps, double errorRatePercent) {

    /** @throws NullPointerException naming the parameter when an id, name, start or verdict is missing */
    public StoredRun {
        Objects.requireNonNull(testId, "testId");
        Objects.requireNonNull(testName, "testName");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(verdict, "verdict");
    }
}
