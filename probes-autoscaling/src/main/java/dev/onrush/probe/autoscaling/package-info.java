/**
 * The {@code autoscaling} probe: samples an Auto Scaling group's capacity and its scaling activities, so a run's
 * result shows when the group scaled and how long it took.
 *
 * <p>Rules: depends on {@code onrush-spi}, {@code onrush-aws} and the AWS SDK only. The engine calls {@code sample}
 * from its probe worker thread, at most once at a time; the probe uses the SDK's synchronous client there, built by
 * {@link dev.onrush.aws.AwsClientRecipe}: bounded by the client's timeouts and retried with the SDK's standard
 * backoff ({@code max_attempts}). Failures come back as failed stages.
 */
package dev.onrush.probe.autoscaling;
