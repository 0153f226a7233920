package dev.onrush.probe.cloudwatch;

import dev.onrush.aws.AwsClientRecipe;
import dev.onrush.aws.AwsSettings;
import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.probe.Probe;
import dev.onrush.spi.probe.ProbeProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code probes: [{id: cloudwatch, period: 60s, metrics: [{namespace, name, dimensions, stat, alias, unit}]}]}, or
 * {@code {id: cloudwatch, auto_scaling_group: web, load_balancer: app/web/50dc6c495c0c9188}} for the defaults (see
 * {@link MetricQuery#defaults}); {@code metrics} replaces the defaults. Credentials come from the SDK's default
 * chain; {@code region}, {@code endpoint}, {@code timeout} and {@code max_attempts} are the AWS plugins' shared keys
 * ({@link AwsSettings}). Builds the client ({@link AwsClientRecipe}, no request) in {@link #create}.
 */
public final class CloudWatchProbeProvider implements ProbeProvider {

    /** GetMetricData's limit on queries in one request. */
    static final int MAX_QUERIES = 500;

    /** Attempts per call, the first included, when the plan does not say. */
    static final int DEFAULT_MAX_ATTEMPTS = 4;

    private static final List<ConfigKey> KEYS = keys();

    private static List<ConfigKey> keys() {
        List<ConfigKey> keys = new ArrayList<>(List.of(
                ConfigKey.optional("period", ConfigKey.Type.DURATION, "60s",
                        "how often to sample, and the CloudWatch period of the statistics (1, 5, 10, 30 s or "
                                + "minutes)"),
                ConfigKey.optional("metrics", ConfigKey.Type.LIST, null,
                        "metrics to read: {namespace, name, dimensions: {k: v}, stat (Average|Sum|Maximum|p99...), "
                                + "alias, unit}"),
                ConfigKey.optional("auto_scaling_group", ConfigKey.Type.STRING, null,
                        "without metrics: read the EC2 CPUUtilization of this Auto Scaling group"),
                ConfigKey.optional("load_balancer", ConfigKey.Type.STRING, null,
                        "without metrics: read TargetResponseTime, RequestCount and HTTPCode_Target_5XX_Count of "
                                + "this Application Load Balancer (app/name/id)"),
                ConfigKey.optional("lookback", ConfigKey.Type.DURATION, "5m",
                        "how far back each sample looks for datapoints CloudWatch published late")));
        keys.addAll(AwsSettings.keys("CloudWatch", "20s", DEFAULT_MAX_ATTEMPTS));
        return List.copyOf(keys);
    }

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
        AwsSettings aws = AwsSettings.read(config, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        try {
            return new CloudWatchProbe(AwsClientRecipe.configure(CloudWatchClient.builder(), aws).build(), queries,
                    period, config.duration("lookback"));
        } catch (SdkClientException e) {
            throw new IllegalArgumentException("region, endpoint: cannot build a CloudWatch client: "
                    + e.getMessage(), e);
        }
    }
}
