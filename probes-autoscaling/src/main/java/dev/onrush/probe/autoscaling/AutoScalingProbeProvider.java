package dev.onrush.probe.autoscaling;

import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.probe.Probe;
import dev.onrush.spi.probe.ProbeProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * {@code probes: [{id: autoscaling, group: web-asg, period: 15s}]}. Credentials come from the SDK's default chain;
 * {@code region} and {@code endpoint} override the SDK's defaults. Builds the client (no request) in
 * {@link #create}.
 */
public final class AutoScalingProbeProvider implements ProbeProvider {

    private static final List<ConfigKey> KEYS = List.of(
            ConfigKey.required("group", ConfigKey.Type.STRING, "the Auto Scaling group's name"),
            ConfigKey.optional("period", ConfigKey.Type.DURATION, "15s", "how often to sample the group"),
            ConfigKey.optional("region", ConfigKey.Type.STRING, null,
                    "the AWS region, e.g. eu-west-1; default: the SDK's region chain (AWS_REGION, profile)"),
            ConfigKey.optional("endpoint", ConfigKey.Type.STRING, null,
                    "the Auto Scaling endpoint URL to use instead of the region's (for tests or VPC endpoints)"),
            ConfigKey.optional("timeout", ConfigKey.Type.DURATION, "20s",
                    "the longest one sample may take, retries included"));

    @Override
    public String id() {
        return "autoscaling";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return KEYS;
    }

    @Override
    public Probe create(PluginConfig config) {
        String group = config.string("group");
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("group: must name an Auto Scaling group");
        }
        Duration period = config.duration("period");
        if (period.isZero()) {
            throw new IllegalArgumentException("period: must be positive");
        }
        Duration timeout = config.duration("timeout");
        if (timeout.isZero()) {
            throw new IllegalArgumentException("timeout: must be positive");
        }
        try {
            return new AutoScalingProbe(client(config.string("region"), config.string("endpoint"), timeout),
                    group.trim(), period);
        } catch (SdkClientException | IllegalArgumentException e) {
            throw new IllegalArgumentException("region, endpoint: cannot build an Auto Scaling client: "
                    + e.getMessage(), e);
        }
    }

    private static AutoScalingClient client(String region, String endpoint, Duration timeout) {
        Duration attempt = timeout.dividedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                ? Duration.ofSeconds(10) : timeout.dividedBy(2);
        AutoScalingClientBuilder builder = AutoScalingClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(attempt.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : attempt)
                        .socketTimeout(attempt))
                .overrideConfiguration(o -> o
                        .apiCallTimeout(timeout)
                        .apiCallAttemptTimeout(attempt)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(4).build()));
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
