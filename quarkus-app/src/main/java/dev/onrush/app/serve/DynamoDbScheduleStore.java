package dev.onrush.app.serve;

import dev.onrush.core.sink.ResultJson;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
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

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbScheduleStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
        ensureTable();
    }

    /** A store on a client made from the sink's settings ({@code null}: the SDK's defaults). */
    static DynamoDbScheduleStore create(String endpoint, String region, String table) {
        DynamoDbClientBuilder b = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(20)));
        if (region != null) {
            b.region(Region.of(region));
        } else if (endpoint != null) {
            b.region(Region.US_EAST_1); // a local endpoint still needs a region to sign for
        }
        if (endpoint != null) {
            b.endpointOverride(URI.create(endpoint));
        }
        return new DynamoDbScheduleStore(b.build(), table);
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
