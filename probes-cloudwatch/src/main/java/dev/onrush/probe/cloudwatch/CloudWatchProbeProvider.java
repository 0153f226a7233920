package dev.onrush.probe.cloudwatch;

import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.probe.Probe;
import dev.onrush.spi.probe.ProbeProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code probes: [{id: cloudwatch, period: 60s, metrics: [{namespace, name, dimensions, stat, alias, unit}]}]}, or
 * {@code {id: cloudwatch, auto_scaling_group: web, load_balancer: app/web/50dc6c495c0c9188}} for the defaults (see
 * {@link MetricQuery#defaults}); {@code metrics} replaces the defaults. Credentials come from the SDK's default
 * chain. Builds the client (no request) in {@link #create}.
 */
public final class CloudWatchProbeProvider implements ProbeProvider {

    /** GetMetricData's limit on queries in one request. */
    static final int MAX_QUERIES = 500;

    private static final List<ConfigKey> KEYS = List.of(
            ConfigKey.optional("period", ConfigKey.Type.DURATION, "60s",
                    "how often to sample, and the CloudWatch period of the statistics (1, 5, 10, 30 s or minutes)"),
            ConfigKey.optional("metrics", ConfigKey.Type.LIST, null,
                    "metrics to read: {namespace, name, dimensions: {k: v}, stat (Average|Sum|Maximum|p99...), alias,"
                            + " unit}"),
            ConfigKey.optional("auto_scaling_group", ConfigKey.Type.STRING, null,
                    "without metrics: read the EC2 CPUUtilization of this Auto Scaling group"),
            ConfigKey.optional("load_balancer", ConfigKey.Type.STRING, null,
                    "without metrics: read TargetResponseTime, RequestCount and HTTPCode_Target_5XX_Count of this"
                            + " Application Load Balancer (app/name/id)"),
            ConfigKey.optional("lookback", ConfigKey.Type.DURATION, "5m",
                    "how far back each sample looks for datapoints CloudWatch published late"),
            ConfigKey.optional("region", ConfigKey.Type.STRING, null,
                    "the AWS region, e.g. eu-west-1; default: the SDK's region chain (AWS_REGION, profile)"),
            ConfigKey.optional("endpoint", ConfigKey.Type.STRING, null,
                    "the CloudWatch endpoint URL to use instead of the region's (for tests or VPC endpoints)"),
            ConfigKey.optional("timeout", ConfigKey.Type.DURATION, "20s",
                    "the longest one sample may take, retries and pages included"));

    @Override
    public String id() {
        return "cloudwatch";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return KEYS;
    }

    @Override
    public Probe create(PluginConfig config) {
        List<String> problems = new ArrayList<>();
        Duration period = config.duration("period");
        long periodS = period.getSeconds();
        if (period.getNano() != 0 || !(periodS == 1 || periodS == 5 || periodS == 10 || periodS == 30
                || (periodS > 0 && periodS % 60 == 0))) {
            problems.add("period: CloudWatch accepts 1s, 5s, 10s, 30s or whole minutes, got " + period);
        }
        List<MetricQuery> queries;
        if (config.has("metrics")) {
            queries = MetricQuery.parse(config.list("metrics"), problems);
            if (queries.isEmpty() && problems.isEmpty()) {
                problems.add("metrics: give at least one metric");
            }
        } else {
            queries = MetricQuery.defaults(config.string("auto_scaling_group"), config.string("load_balancer"));
            if (queries.isEmpty()) {
                problems.add("metrics: give metrics, auto_scaling_group or load_balancer");
            }
        }
        if (queries.size() > MAX_QUERIES) {
            problems.add("metrics: at most " + MAX_QUERIES + " metrics, got " + queries.size());
        }
        Duration timeout = config.duration("timeout");
        if (timeout.isZero()) {
            problems.add("timeout: must be positive");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        try {
            return new CloudWatchProbe(client(config.string("region"), config.string("endpoint"), timeout), queries,
                    period, config.duration("lookback"));
        } catch (SdkClientException | IllegalArgumentException e) {
            throw new IllegalArgumentException("region, endpoint: cannot build a CloudWatch client: "
                    + e.getMessage(), e);
        }
    }

    private static CloudWatchClient client(String region, String endpoint, Duration timeout) {
        Duration attempt = timeout.dividedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                ? Duration.ofSeconds(10) : timeout.dividedBy(2);
        CloudWatchClientBuilder builder = CloudWatchClient.builder()
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
