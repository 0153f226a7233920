package dev.onrush.app.serve;

import dev.onrush.aws.AwsClientRecipe;
import dev.onrush.aws.AwsSettings;
import dev.onrush.core.sink.ResultJson;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Schedules in a DynamoDB table (partition key {@code schedule_id}, the schedule as JSON in {@code definition}),
 * created on demand (on-demand capacity) when missing. The endpoint and region are the {@code dynamodb} sink's
 * ({@code onrush.sink.dynamodb.endpoint}, {@code onrush.sink.dynamodb.region}); credentials come from the AWS SDK's
 * default chain. The item holds the plan with its secrets: protect the table as you would the service's token.
 * Blocking; the client is thread-safe.
 */
public final class DynamoDbScheduleStore implements ScheduleStore, AutoCloseable {

    static final String KEY = "schedule_id";
    static final String DEFINITION = "definition";
    /** One call's bound, retries included: 20 s an attempt, as the store's reads and writes always had. */
    static final Duration TIMEOUT = Duration.ofSeconds(40);
    /** Attempts per call, as the {@code dynamodb} sink's default. */
    static final int MAX_ATTEMPTS = 6;

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbScheduleStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
        ensureTable();
    }

    /**
     * A store on a client made by the AWS plugins' recipe from the sink's endpoint and region ({@code null}: the
     * SDK's defaults), with {@link #TIMEOUT} a call and {@link #MAX_ATTEMPTS} attempts.
     */
    static DynamoDbScheduleStore create(String endpoint, String region, String table) {
        AwsSettings settings = new AwsSettings(region, endpoint == null ? null : URI.create(endpoint), TIMEOUT,
                MAX_ATTEMPTS);
        return new DynamoDbScheduleStore(AwsClientRecipe.configure(DynamoDbClient.builder(), settings).build(),
                table);
    }

    private void ensureTable() {
        try {
            client.describeTable(b -> b.tableName(table));
            return;
        } catch (ResourceNotFoundException e) {
            // created below
        }
        try {
            client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(KEY)
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName(KEY).keyType(KeyType.HASH).build()));
        } catch (ResourceInUseException e) {
            // created meanwhile by another service instance
        }
        // the SDK's default waiter polls every 20 s; a new on-demand table is usually active within seconds
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client)
                .overrideConfiguration(w -> w.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(250)))
                        .maxAttempts(480)).build()) {
            waiter.waitUntilTableExists(b -> b.tableName(table));
        }
    }

    @Override
    public List<Schedule> loadAll() {
        List<Schedule> out = new ArrayList<>();
        client.scanPaginator(b -> b.tableName(table)).items().forEach(item -> {
            AttributeValue def = item.get(DEFINITION);
            try {
                out.add(ResultJson.mapper().readValue(def.s(), Schedule.class));
            } catch (IOException | RuntimeException e) {
                throw new UncheckedIOException(new IOException("DynamoDB table " + table + ": item "
                        + item.get(KEY) + " is not a schedule (" + e.getMessage() + ")", e));
            }
        });
        return out;
    }

    @Override
    public void save(Schedule schedule) {
        String json;
        try {
            json = ResultJson.mapper().writeValueAsString(schedule);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client.putItem(b -> b.tableName(table).item(Map.of(KEY, AttributeValue.fromS(schedule.id()),
                DEFINITION, AttributeValue.fromS(json))));
    }

    @Override
    public void delete(String id) {
        client.deleteItem(b -> b.tableName(table).key(Map.of(KEY, AttributeValue.fromS(id))));
    }

    @Override
    public String describe() {
        return "DynamoDB table " + table;
    }

    @Override
    public void close() {
        client.close();
    }
}
