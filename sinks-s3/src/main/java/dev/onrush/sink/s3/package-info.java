/**
 * The {@code s3} result sink: at the end of a run it uploads the run's local folder ({@code result.json},
 * {@code intervals.jsonl}, {@code latency.hlog}, {@code report.html}) to {@code s3://<bucket>/<prefix><test id>/},
 * each object with its content type, large files in parts.
 *
 * <p>Threading: an {@link dev.onrush.sink.s3.S3Sink} is called by Onrush on its own worker thread, one call at a
 * time, so it uses the blocking SDK client and blocks in its callbacks; the client, made by
 * {@link dev.onrush.aws.AwsClientRecipe}, has timeouts and retries throttling, 5xx and I/O failures with the SDK's
 * standard strategy ({@code max_attempts}). Failures come back as failed stages naming the bucket and key; the
 * local files are never touched.
 *
 * <p>Rules: depends on {@code onrush-spi}, {@code onrush-aws} and the AWS SDK only; credentials come from the SDK's
 * default provider chain, never from the plan.
 */
package dev.onrush.sink.s3;
