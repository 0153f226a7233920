/**
 * The {@code cloudwatch} probe: reads metrics of the system under test from CloudWatch (GetMetricData), e.g. the
 * EC2 CPU of an Auto Scaling group or an Application Load Balancer's response time.
 *
 * <p>Rules: depends on {@code onrush-spi}, {@code onrush-aws} and the AWS SDK only. The engine calls {@code sample}
 * from its probe worker thread, at most once at a time; the probe uses the SDK's synchronous client there, built by
 * {@link dev.onrush.aws.AwsClientRecipe}: bounded by the client's timeouts and retried with the SDK's standard
 * backoff ({@code max_attempts}). Failures come back as failed stages. CloudWatch publishes
 * datapoints minutes late, so each sample looks back {@code lookback} and reports only whole periods not reported
 * before.
 */
package dev.onrush.probe.cloudwatch;
