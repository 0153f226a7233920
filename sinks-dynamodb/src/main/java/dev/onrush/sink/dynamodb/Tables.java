package dev.onrush.sink.dynamodb;

import dev.onrush.aws.AwsFailures;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

import java.time.Duration;

/** Checks that the sink's two tables exist, or creates them (on-demand capacity) and waits until they are active. */
final class Tables {

    private static final Duration WAIT = Duration.ofMinutes(2);

    private final DynamoDbClient client;

    Tables(DynamoDbClient client) {
        this.client = client;
    }

    /** Creates the results table ({@code test_name} + {@code started_at_test_id}) when missing. */
    void ensureResults(String table, boolean create) {
        ensure(table, Items.TEST_NAME, ScalarAttributeType.S, Items.RUN_KEY, ScalarAttributeType.S, create);
    }

    /** Creates the metrics table ({@code test_id} + {@code second}, a number) when missing. */
    void ensureMetrics(String table, boolean create) {
        ensure(table, Items.TEST_ID, ScalarAttributeType.S, Items.SECOND, ScalarAttributeType.N, create);
    }

    private void ensure(String table, String hash, ScalarAttributeType hashType, String range,
                        ScalarAttributeType rangeType, boolean create) {
        if (exists(table)) {
            return;
        }
        if (!create) {
            throw new SinkWriteException("DynamoDB table " + table + " does not exist; create it (keys " + hash
                    + " + " + range + ") or set create_tables: true");
        }
        try {
            AwsFailures.call("CreateTable " + table, () -> client.createTable(b -> b.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName(hash).attributeType(hashType).build(),
                            AttributeDefinition.builder().attributeName(range).attributeType(rangeType).build())
                    .keySchema(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build())),
                    SinkWriteException::new);
        } catch (SinkWriteException e) {
            if (!(e.getCause() instanceof ResourceInUseException)) {
                throw e;
            } // created meanwhile by another run: wait for it like for ours
        }
        awaitActive(table);
    }

    private boolean exists(String table) {
        try {
            AwsFailures.call("DescribeTable " + table, () -> client.describeTable(b -> b.tableName(table)),
                    SinkWriteException::new);
            return true;
        } catch (SinkWriteException e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                return false;
            }
            throw e;
        }
    }

    private void awaitActive(String table) {
        WaiterOverrideConfiguration waiting = WaiterOverrideConfiguration.builder()
                .waitTimeout(WAIT)
                .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(250)))
                .build();
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client).overrideConfiguration(waiting).build()) {
            WaiterResponse<DescribeTableResponse> response = waiter.waitUntilTableExists(b -> b.tableName(table));
            response.matched().exception().ifPresent(e -> {
                throw new SinkWriteException("DynamoDB table " + table + " did not become active: " + e.getMessage(),
                        e);
            });
        } catch (RuntimeException e) {
            if (e instanceof SinkWriteException) {
                throw e;
            }
            throw new SinkWriteException("DynamoDB table " + table + " did not become active within "
                    + WAIT.toSeconds() + " s: " + e.getMessage(), e);
        }
    }
}
