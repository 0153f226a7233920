package dev.onrush.sink.cloudwatch;

import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.sink.ResultSink;
import dev.onrush.spi.sink.ResultSinkProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import java.time.Duration;
import java.util.List;

/**
 * {@code sinks: [{id: cloudwatch, namespace: Onrush/LoadTests, high_resolution: false}]}. Credentials come from the
 * SDK's default chain; {@code region} and {@code endpoint} override the SDK's defaults. Builds the client (no
 * request) in {@link #create}.
 */
public final class CloudWatchSinkProvider implements ResultSinkProvider {

    private static final List<ConfigKey> KEYS = List.of(
            ConfigKey.optional("namespace", ConfigKey.Type.STRING, "Onrush/LoadTests",
                    "the CloudWatch namespace the metrics are published in"),
            ConfigKey.optional("high_resolution", ConfigKey.Type.BOOLEAN, false,
                    "publish with 1-second storage resolution instead of 60 seconds"),
            ConfigKey.optional("region", ConfigKey.Type.STRING, null,
                    "the AWS region, e.g. eu-west-1; default: the SDK's region chain (AWS_REGION, profile)"),
            ConfigKey.optional("endpoint", ConfigKey.Type.STRING, null,
                    "the CloudWatch endpoint URL to use instead of the region's (for tests or VPC endpoints)"),
            ConfigKey.optional("timeout", ConfigKey.Type.DURATION, "20s",
                    "the longest one publication may take, retries included"));

    @Override
    public String id() {
        return "cloudwatch";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return KEYS;
    }

    @Override
    public ResultSink create(PluginConfig config) {
        String namespace = config.string("namespace");
        if (namespace.isBlank() || namespace.startsWith("AWS/")) {
            throw new IllegalArgumentException("namespace: must be non-blank and must not start with AWS/, got \""
                    + namespace + "\"");
        }
        Duration timeout = config.duration("timeout");
        if (timeout.isZero()) {
            throw new IllegalArgumentException("timeout: must be positive");
        }
        CloudWatchClient client;
        try {
            client = AwsClients.cloudWatch(config.string("region"), config.string("endpoint"), timeout);
        } catch (SdkClientException e) {
            throw new IllegalArgumentException("region, endpoint: cannot build a CloudWatch client: "
                    + e.getMessage(), e);
        }
        return new CloudWatchSink(client, namespace, config.bool("high_resolution") ? 1 : 60);
    }
}
