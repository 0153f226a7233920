package dev.onrush.sink.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings of one {@code {id: dynamodb, ...}} plan entry. Immutable.
 *
 * @param endpoint        the service URL for local or compatible servers, or {@code null} for AWS itself
 * @param region          the AWS region, or {@code null} for the SDK's default region chain
 * @param resultsTable    the table that gets one item per run
 * @param metricsTable    the table that gets one item per interval
 * @param createTables    whether {@code onStart} creates missing tables (on-demand capacity) and waits for them
 * @param reportUrlPrefix prepended to the test id to give each result item a {@code report_url} (the run's folder in
 *                        S3), or {@code null} for none
 * @param requestTimeout  the longest one HTTP attempt may take
 * @param backoff         how failed calls and unprocessed items are retried
 */
public record DynamoDbSinkConfig(URI endpoint, String region, String resultsTable, String metricsTable,
                                 boolean createTables, String reportUrlPrefix, Duration requestTimeout,
                                 Backoff backoff) {

    /** @throws NullPointerException naming the parameter when a table, the timeout or the backoff is missing */
    public DynamoDbSinkConfig {
        Objects.requireNonNull(resultsTable, "resultsTable");
        Objects.requireNonNull(metricsTable, "metricsTable");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(backoff, "backoff");
    }
}
