package dev.onrush.sink.dynamodb;

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
 * Writes items to one table with BatchWriteItem, {@value #MAX_BATCH} per request (the service's limit), sending
 * back the items DynamoDB left unprocessed with {@link Backoff}'s waits, up to its attempt bound per batch.
 */
final class BatchWriter {

    /** BatchWriteItem takes at most 25 items. */
    static final int MAX_BATCH = 25;

    private final DynamoDbClient client;
    private final Backoff backoff;

    BatchWriter(DynamoDbClient client, Backoff backoff) {
        this.client = client;
        this.backoff = backoff;
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
            writeBatch(table, batch, items.size() - from);
        }
    }

    private void writeBatch(String table, List<WriteRequest> batch, int remaining) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        String lastProblem = "";
        for (int attempt = 1; ; attempt++) {
            try {
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                if (pending.values().stream().allMatch(List::isEmpty)) {
                    return;
                }
                lastProblem = count(pending) + " items unprocessed";
            } catch (SdkException e) {
                if (!Backoff.retryable(e)) {
                    throw new SinkWriteException("BatchWriteItem on DynamoDB table " + table + " failed, "
                            + remaining + " items unwritten: " + e.getMessage(), e);
                }
                lastProblem = e.getMessage();
            }
            if (attempt >= backoff.maxAttempts()) {
                throw new SinkWriteException("BatchWriteItem on DynamoDB table " + table + " gave up after "
                        + attempt + " attempts, " + (remaining - batch.size() + count(pending))
                        + " items unwritten: " + lastProblem);
            }
            Backoff.sleep(backoff.delayAfter(attempt));
        }
    }

    private static int count(Map<String, List<WriteRequest>> requests) {
        return requests.values().stream().mapToInt(List::size).sum();
    }
}
