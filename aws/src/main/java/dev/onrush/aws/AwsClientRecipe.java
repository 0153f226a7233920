package dev.onrush.aws;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;

import java.time.Duration;
import java.util.Objects;

/**
 * The one way the AWS plugins build their SDK clients, so that every one of them times out, retries and finds its
 * region and credentials alike:
 * <ul>
 *   <li>the JDK's {@code HttpURLConnection} client ({@code url-connection-client}), connect timeout at most 5 s and
 *       read timeout the {@link AwsSettings#attemptTimeout() attempt timeout};</li>
 *   <li>{@code apiCallTimeout} = {@link AwsSettings#timeout()} (the whole call, retries included) and
 *       {@code apiCallAttemptTimeout} = {@link AwsSettings#attemptTimeout()};</li>
 *   <li>the SDK's standard retry strategy ({@link AwsRetryStrategy#standardRetryStrategy()}: throttling, 5xx and
 *       I/O errors, exponential backoff with jitter, a circuit-breaking token bucket) with
 *       {@link AwsSettings#maxAttempts()} attempts, one strategy per client;</li>
 *   <li>the region given, else us-east-1 when an endpoint is given (a local server still needs a region to sign
 *       for), else the SDK's region chain;</li>
 *   <li>credentials from the SDK's default chain, which the builder uses when given none (and closes with the
 *       client); tests against local servers set {@code aws.accessKeyId}/{@code aws.secretAccessKey}.</li>
 * </ul>
 * Stateless; {@link #configure} makes no request.
 */
public final class AwsClientRecipe {

    /** The longest a TCP connect may take, when the attempt timeout is longer. */
    static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private AwsClientRecipe() {
    }

    /**
     * Sets region, endpoint, HTTP client, timeouts and retries on {@code builder}, for the caller to add what its
     * service needs (e.g. S3's path style) and build. {@code build()} throws the SDK's
     * {@code SdkClientException} when no region is given and the SDK's chain finds none.
     *
     * @param builder  any synchronous client's builder, e.g. {@code DynamoDbClient.builder()}
     * @param settings the plugin's settings
     * @return {@code builder}
     */
    public static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> B configure(
            B builder, AwsSettings settings) {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(settings, "settings");
        Duration attempt = settings.attemptTimeout();
        Duration connect = attempt.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? attempt : MAX_CONNECT_TIMEOUT;
        builder.httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(connect).socketTimeout(attempt))
                .overrideConfiguration(o -> o
                        .apiCallTimeout(settings.timeout())
                        .apiCallAttemptTimeout(attempt)
                        .retryStrategy(retryStrategy(settings.maxAttempts())));
        if (settings.region() != null) {
            builder.region(Region.of(settings.region()));
        } else if (settings.endpoint() != null) {
            builder.region(Region.US_EAST_1);
        }
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder;
    }

    /** The SDK's standard strategy with {@code maxAttempts} attempts (1: no retries); a new one for each client. */
    public static RetryStrategy retryStrategy(int maxAttempts) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts).build();
    }
}
