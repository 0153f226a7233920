package dev.onrush.sink.dynamodb;

import dev.onrush.aws.AwsFailures;
import dev.onrush.aws.PartialRetry;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.sink.ResultSink;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Writes a run to two DynamoDB tables.
 *
 * <ul>
 *   <li>Results table, one item per run: partition key {@code test_name} (S), sort key {@code started_at_test_id}
 *       (S, {@code 2026-11-27T11:06:42.000Z#<test id>}), so a Query on a test name returns its runs in time order.
 *       The item holds verdict, totals, latency p50/p95/p99/max, error rate, throughput, a criteria summary and,
 *       with {@code report_url_prefix}, a {@code report_url}. Written at {@link #onComplete}.</li>
 *   <li>Metrics table, one item per interval: partition key {@code test_id} (S), sort key {@code second} (N, the
 *       interval's index). Buffered and written with BatchWriteItem every {@value BatchWriter#MAX_BATCH} intervals;
 *       at {@link #onComplete} the rest is written, together with any interval of the result that an earlier call
 *       lost (a full queue, a failed batch).</li>
 * </ul>
 *
 * <p>Threading: Onrush calls it from one worker thread at a time; the callbacks block (bounded by the client's
 * timeouts and retries, and the rounds of unprocessed items) and return completed or failed stages. Not thread-safe.
 */
public final class DynamoDbSink implements ResultSink {

    private final DynamoDbClient client;
    private final boolean ownsClient;
    private final DynamoDbSinkConfig config;
    private final BatchWriter writer;
    private final Map<Long, IntervalSnapshot> buffered = new LinkedHashMap<>();
    private final BitSet written = new BitSet();
    private Map<String, String> tags = Map.of();

    /**
     * @param client     the client to write with
     * @param ownsClient whether the sink closes {@code client} at {@link #onComplete}
     * @param config     the tables and the client settings (whose attempts bound the rounds of unprocessed items)
     */
    public DynamoDbSink(DynamoDbClient client, boolean ownsClient, DynamoDbSinkConfig config) {
        this.client = Objects.requireNonNull(client, "client");
        this.ownsClient = ownsClient;
        this.config = Objects.requireNonNull(config, "config");
        this.writer = new BatchWriter(client, PartialRetry.of(config.aws()));
    }

    /** Checks that both tables exist, or creates them when {@code create_tables} is set. */
    @Override
    public CompletionStage<Void> onStart(RunInfo run) {
        tags = run.tags();
        return attempt(() -> {
            Tables tables = new Tables(client);
            tables.ensureResults(config.resultsTable(), config.createTables());
            tables.ensureMetrics(config.metricsTable(), config.createTables());
            return null;
        });
    }

    @Override
    public CompletionStage<Void> onInterval(IntervalSnapshot interval) {
        buffered.putIfAbsent(interval.index(), interval);
        if (buffered.size() < BatchWriter.MAX_BATCH) {
            return CompletableFuture.completedFuture(null);
        }
        return attempt(this::flush);
    }

    /** Writes the remaining intervals, then the run's item; closes the client when the sink made it. */
    @Override
    public CompletionStage<Void> onComplete(RunResult result) {
        try {
            return attempt(() -> {
                for (IntervalSnapshot i : result.intervals()) {
                    if (!written.get(Math.toIntExact(i.index()))) {
                        buffered.putIfAbsent(i.index(), i);
                    }
                }
                flush();
                Map<String, AttributeValue> item = Items.result(result, config.reportUrlPrefix(), tags);
                AwsFailures.call("PutItem on DynamoDB table " + config.resultsTable(),
                        () -> client.putItem(b -> b.tableName(config.resultsTable()).item(item)),
                        SinkWriteException::new);
                return null;
            });
        } finally {
            if (ownsClient) {
                client.close();
            }
        }
    }

    /** Writes the buffered intervals; they leave the buffer whatever happens (onComplete retries the lost ones). */
    private Void flush() {
        List<IntervalSnapshot> batch = List.copyOf(buffered.values());
        buffered.clear();
        List<Map<String, AttributeValue>> items = new ArrayList<>(batch.size());
        batch.forEach(i -> items.add(Items.interval(i)));
        writer.write(config.metricsTable(), items);
        batch.forEach(i -> written.set(Math.toIntExact(i.index())));
        return null;
    }

    private static CompletionStage<Void> attempt(Supplier<Void> work) {
        try {
            work.get();
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
