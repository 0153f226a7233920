/**
 * The {@code cloudwatch} sink: publishes each interval of a run as CloudWatch custom metrics (PutMetricData).
 *
 * <p>Rules: depends on {@code onrush-spi} and the AWS SDK only. The engine calls the sink from one worker thread at
 * a time, never from an event loop, so the sink uses the SDK's synchronous client on that thread; every call is
 * bounded by the client's timeouts and retried with the SDK's standard backoff. A request CloudWatch still refuses
 * fails the callback's stage (the engine logs and counts it; the run goes on). Batches are cut by
 * {@link dev.onrush.sink.cloudwatch.MetricBatches} to stay inside the service limits.
 */
package dev.onrush.sink.cloudwatch;
