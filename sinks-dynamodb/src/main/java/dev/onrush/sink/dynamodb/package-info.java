/**
 * The {@code dynamodb} result sink: one item per run in a results table and one item per interval in a metrics
 * table, so that "every run of this test, in time order" and "this run, second by second" are each one Query.
 * {@link dev.onrush.sink.dynamodb.DynamoDbResultsReader} runs the first of those for {@code onrush trend}.
 *
 * <p>Threading: a {@link dev.onrush.sink.dynamodb.DynamoDbSink} is called by Onrush on its own worker thread, one
 * call at a time, so it uses the blocking SDK client and blocks in its callbacks (the client made by
 * {@link dev.onrush.aws.AwsClientRecipe}: timeouts and the SDK's standard retries; unprocessed batch items sent again
 * by {@link dev.onrush.aws.PartialRetry}); nothing here is thread-safe beyond that. Failures come back as failed
 * stages with a message naming the table and the operation; the local result files are never at risk.
 *
 * <p>Rules: depends on {@code onrush-spi}, {@code onrush-aws} and the AWS SDK only. No credentials in settings or items: the SDK's
 * default provider chain supplies them. Items stay far below DynamoDB's 400 KB limit: summaries only, never the raw
 * histograms, and the lists an item holds are capped.
 */
package dev.onrush.sink.dynamodb;
