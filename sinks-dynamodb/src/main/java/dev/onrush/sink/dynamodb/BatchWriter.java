package dev.onrush.sink.dynamodb;

import dev.onrush.aws.AwsFailures;
import dev.onrush.aws.PartialRetry;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes items to one table with BatchWriteItem, {@value #MAX_BATCH} per request (the service's limit). A request
 * that fails is retried by the client (the SDK's standard strategy, up to {@code max_attempts}); the items DynamoDB
 * answers as unprocessed are sent again by {@link PartialRetry}, up to as many rounds per batch.
 */
final class BatchWriter {

    /** BatchWriteItem takes at most 25 items. */
    static final int MAX_BATCH = 25;

    private final DynamoDbClient client;
    private final PartialRetry retry;

    BatchWriter(DynamoDbClient client, PartialRetry retry) {
        this.client = client;
        this.retry = retry;
    }

    /**
     * Writes every item (puts, replacing items with the same key).
     *
     * @throws SinkWriteException naming the table and how many items were left unwritten when a batch could not be
     *                            written within the attempt bound
     */
    void write(String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += MAX_BATCH) {
            List<WriteRequest> batch = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + MAX_BATCH))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            writeBatch(table, batch, items.size() - from - batch.size());
        }
    }

    /** @param after the items of later batches, unwritten too when this one fails */
    private void writeBatch(String table, List<WriteRequest> batch, int after) {
        PartialRetry.Outcome<Map<String, List<WriteRequest>>> outcome = retry.run(Map.of(table, batch),
                pending -> send(table, pending, after), pending -> count(pending) == 0);
        if (!outcome.done()) {
            int unprocessed = count(outcome.left());
            throw new SinkWriteException("BatchWriteItem on DynamoDB table " + table + " gave up after "
                    + outcome.rounds() + " attempts, " + (after + unprocessed) + " items unwritten: " + unprocessed
                    + " items unprocessed");
        }
    }

    /** One BatchWriteItem of {@code pending}; returns the items DynamoDB left unprocessed. */
    private Map<String, List<WriteRequest>> send(String table, Map<String, List<WriteRequest>> pending, int after) {
        try {
            BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(pending));
            return response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        } catch (SdkException e) {
            int attempts = AwsFailures.attempts(e);
            String unwritten = (after + count(pending)) + " items unwritten: " + e.getMessage();
            if (attempts == 1) {
                throw new SinkWriteException("BatchWriteItem on DynamoDB table " + table + " failed, " + unwritten, e);
            }
            // the retries ran out: the message says it all, and the last attempt's exception stays at hand
            SinkWriteException gaveUp = new SinkWriteException("BatchWriteItem on DynamoDB table " + table
                    + " gave up after " + attempts + " attempts, " + unwritten);
            gaveUp.addSuppressed(e);
            throw gaveUp;
        }
    }

    private static int count(Map<String, List<WriteRequest>> requests) {
        return requests.values().stream().mapToInt(List::size).sum();
    }
}
