package dev.onrush.sink.cloudwatch;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;

import java.net.URI;
import java.time.Duration;

/** Builds the CloudWatch client with bounded timeouts and the standard retry strategy (backoff with jitter). */
final class AwsClients {

    /** Attempts per call, the first included. */
    static final int MAX_ATTEMPTS = 4;

    private AwsClients() {
    }

    /**
     * @param region   the region, or {@code null} for the SDK's region chain
     * @param endpoint the endpoint URL, or {@code null} for the region's
     * @param timeout  the longest one call may take, retries included
     */
    static CloudWatchClient cloudWatch(String region, String endpoint, Duration timeout) {
        Duration attempt = timeout.dividedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                ? Duration.ofSeconds(10) : timeout.dividedBy(2);
        CloudWatchClientBuilder builder = CloudWatchClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5).compareTo(attempt) < 0 ? Duration.ofSeconds(5) : attempt)
                        .socketTimeout(attempt))
                .overrideConfiguration(o -> o
                        .apiCallTimeout(timeout)
                        .apiCallAttemptTimeout(attempt)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(MAX_ATTEMPTS).build()));
        if (region != null && !region.isBlank()) {
            builder.region(Region.of(region.trim()));
        } else if (endpoint != null) {
            builder.region(Region.US_EAST_1); // an endpoint alone still needs a signing region
        }
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint.trim()));
        }
        return builder.build();
    }
}
