package dev.onrush.sink.dynamodb;

import dev.onrush.aws.AwsSettings;

import java.util.Objects;

/**
 * The settings of one {@code {id: dynamodb, ...}} plan entry. Immutable.
 *
 * @param aws             region, endpoint, timeout and attempts of the client (the AWS plugins' shared keys); the
 *                        attempts also bound how often unprocessed items are sent again
 * @param resultsTable    the table that gets one item per run
 * @param metricsTable    the table that gets one item per interval
 * @param createTables    whether {@code onStart} creates missing tables (on-demand capacity) and waits for them
 * @param reportUrlPrefix prepended to the test id to give each result item a {@code report_url} (the run's folder in
 *                        S3), or {@code null} for none
 */
public record DynamoDbSinkConfig(AwsSettings aws, String resultsTable, String metricsTable, boolean createTables,
                                 String reportUrlPrefix) {

    /** @throws NullPointerException naming the parameter when the AWS settings or a table is missing */
    public DynamoDbSinkConfig {
        Objects.requireNonNull(aws, "aws");
        Objects.requireNonNull(resultsTable, "resultsTable");
        Objects.requireNonNull(metricsTable, "metricsTable");
    }
}
