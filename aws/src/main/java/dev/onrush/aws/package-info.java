/**
 * The one AWS client recipe of the AWS plugins ({@code onrush-aws}): {@link dev.onrush.aws.AwsSettings} (region,
 * endpoint, timeout, max_attempts: the same keys, defaults aside, in every AWS plugin),
 * {@link dev.onrush.aws.AwsClientRecipe} (HTTP client, timeouts, the SDK's standard retry strategy, region and
 * credentials), {@link dev.onrush.aws.PartialRetry} (sending again what a successful batch call left undone) and
 * {@link dev.onrush.aws.AwsFailures} (SDK exceptions as messages naming the operation and the attempts).
 *
 * <p>Rules: depends on {@code onrush-spi} and the AWS SDK's core only, never on {@code onrush-core} nor on a
 * service's SDK module, so that a plugin that uses it still sees no more of Onrush than the SPI. Transport-level
 * retries are the SDK's; nothing here sleeps except {@code PartialRetry}, between rounds, on the caller's (worker)
 * thread. Settings problems are collected, never thrown one at a time, so a plugin reports every bad key at once.
 * The deprecated key {@code request_timeout} is read as {@code timeout} and logged through {@link System.Logger}
 * (the SPI has no warning channel).
 */
package dev.onrush.aws;
