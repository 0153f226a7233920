package dev.onrush.sink.dynamodb;

import dev.onrush.aws.AwsFailures;
import dev.onrush.spi.PluginConfig;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads back the runs the {@code dynamodb} sink stored in its results table: one Query on {@code test_name},
 * page by page, in sort-key order, so oldest first. Each page is one call, timed out and retried by the client as
 * the sink's writes are ({@code timeout}, {@code max_attempts}).
 *
 * <p>Threading: blocking; one call at a time. Closing it closes the client when the reader made it.
 */
public final class DynamoDbResultsReader implements AutoCloseable {

    private final DynamoDbClient client;
    private final boolean ownsClient;
    private final String table;
    private final int pageLimit;

    /**
     * @param client     the client to read with; its retry strategy retries a failed page
     * @param ownsClient whether {@link #close} closes {@code client}
     * @param table      the results table
     */
    public DynamoDbResultsReader(DynamoDbClient client, boolean ownsClient, String table) {
        this(client, ownsClient, table, 0);
    }

    /** With at most {@code pageLimit} items a page (0: DynamoDB's 1 MB pages), so tests can see several pages. */
    DynamoDbResultsReader(DynamoDbClient client, boolean ownsClient, String table, int pageLimit) {
        this.pageLimit = pageLimit;
        this.client = Objects.requireNonNull(client, "client");
        this.ownsClient = ownsClient;
        this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * A reader for the table a plan's {@code {id: dynamodb, ...}} entry names, with the sink's defaults for the keys
     * it leaves out.
     *
     * @param config the entry's settings, as for the sink (its keys are not needed: the sink's are used)
     * @throws IllegalArgumentException naming every bad key
     * @throws ResultsReadException     when no region is set and the AWS SDK finds none
     */
    public static DynamoDbResultsReader create(PluginConfig config) {
        DynamoDbSinkProvider provider = new DynamoDbSinkProvider();
        DynamoDbSinkConfig settings = DynamoDbSinkProvider.settings(
                new PluginConfig(provider.id(), config.settings(), provider.configKeys()));
        try {
            return new DynamoDbResultsReader(DynamoDbSinkProvider.client(settings), true, settings.resultsTable());
        } catch (SdkClientException e) {
            throw new ResultsReadException("DynamoDB table " + settings.resultsTable() + ": "
                    + AwsFailures.noRegion(e), e);
        }
    }

    /** The results table this reader queries. */
    public String table() {
        return table;
    }

    /**
     * Every stored run of {@code testName}, oldest first; empty when the test has none.
     *
     * @throws ResultsReadException naming the table when a page cannot be read or an item lacks a key attribute
     */
    public List<StoredRun> runsOf(String testName) {
        Objects.requireNonNull(testName, "testName");
        String what = "Query on DynamoDB table " + table + " for test " + testName;
        List<StoredRun> runs = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = AwsFailures.call(what, () -> client.query(b -> b.tableName(table)
                    .keyConditionExpression("#n = :n")
                    .expressionAttributeNames(Map.of("#n", Items.TEST_NAME))
                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromS(testName)))
                    .exclusiveStartKey(from)
                    .limit(pageLimit > 0 ? pageLimit : null)), ResultsReadException::new);
            for (Map<String, AttributeValue> item : page.items()) {
                runs.add(run(item, what));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return runs;
    }

    private static StoredRun run(Map<String, AttributeValue> item, String what) {
        try {
            return new StoredRun(text(item, Items.TEST_ID), text(item, Items.TEST_NAME),
                    Instant.parse(text(item, Items.STARTED_AT)), text(item, Items.VERDICT),
                    number(item, Items.P95_MS), number(item, Items.P99_MS), number(item, Items.THROUGHPUT_RPS),
                    number(item, Items.ERROR_RATE_PERCENT));
        } catch (RuntimeException e) {
            throw new ResultsReadException(what + ": item " + item.get(Items.RUN_KEY) + " is not a run the sink "
                    + "wrote: " + e.getMessage(), e);
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || v.s() == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return v.s();
    }

    private static double number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? Double.NaN : Double.parseDouble(v.n());
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
