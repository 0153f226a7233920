/**
 * The {@code cloudwatch} sink: publishes each interval of a run as CloudWatch custom metrics (PutMetricData).
 *
 * <p>Rules: depends on {@code onrush-spi}, {@code onrush-aws} and the AWS SDK only. The engine calls the sink from
 * one worker thread at a time, never from an event loop, so the sink uses the SDK's synchronous client on that
 * thread, built by {@link dev.onrush.aws.AwsClientRecipe}; every call is bounded by the client's timeouts and retried
 * with the SDK's standard backoff ({@code max_attempts}). A request CloudWatch still refuses fails the callback's
 * stage (the engine logs and counts it; the run goes on). Batches are cut by
 * {@link dev.onrush.sink.cloudwatch.MetricBatches} to stay inside the service limits.
 */
package dev.onrush.sink.cloudwatch;
