package dev.onrush.sink.cloudwatch;

import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.sink.ResultSink;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Publishes every interval as CloudWatch metrics ({@link IntervalMetrics}), in batches ({@link MetricBatches}).
 * Called by the engine from one worker thread at a time (never an event loop): it blocks that thread on the
 * synchronous client, bounded by the client's timeouts. A batch that still fails after the SDK's retries fails the
 * interval's stage with the SDK's exception; later batches of that interval are not sent. {@link #onComplete}
 * closes the client.
 */
final class CloudWatchSink implements ResultSink {

    private final CloudWatchClient client;
    private final String namespace;
    private final IntervalMetrics metrics;
    private String testName;

    CloudWatchSink(CloudWatchClient client, String namespace, int storageResolution) {
        this.client = client;
        this.namespace = namespace;
        this.metrics = new IntervalMetrics(storageResolution);
    }

    @Override
    public CompletionStage<Void> onStart(RunInfo run) {
        testName = run.name();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> onInterval(IntervalSnapshot interval) {
        try {
            List<MetricDatum> data = metrics.data(interval, testName == null ? interval.testId() : testName);
            for (List<MetricDatum> batch : MetricBatches.split(data)) {
                client.putMetricData(r -> r.namespace(namespace).metricData(batch));
            }
            return CompletableFuture.completedFuture(null);
        } catch (SdkException | IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Void> onComplete(RunResult result) {
        client.close();
        return CompletableFuture.completedFuture(null);
    }
}
