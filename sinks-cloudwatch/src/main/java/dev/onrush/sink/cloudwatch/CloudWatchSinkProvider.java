package dev.onrush.sink.cloudwatch;

import dev.onrush.aws.AwsClientRecipe;
import dev.onrush.aws.AwsSettings;
import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.sink.ResultSink;
import dev.onrush.spi.sink.ResultSinkProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code sinks: [{id: cloudwatch, namespace: Onrush/LoadTests, high_resolution: false}]}. Credentials come from the
 * SDK's default chain; {@code region}, {@code endpoint}, {@code timeout} and {@code max_attempts} are the AWS
 * plugins' shared keys ({@link AwsSettings}). Builds the client ({@link AwsClientRecipe}, no request) in
 * {@link #create}.
 */
public final class CloudWatchSinkProvider implements ResultSinkProvider {

    /** Attempts per call, the first included, when the plan does not say. */
    static final int DEFAULT_MAX_ATTEMPTS = 4;

    private static final List<ConfigKey> KEYS = keys();

    private static List<ConfigKey> keys() {
        List<ConfigKey> keys = new ArrayList<>(List.of(
                ConfigKey.optional("namespace", ConfigKey.Type.STRING, "Onrush/LoadTests",
                        "the CloudWatch namespace the metrics are published in"),
                ConfigKey.optional("high_resolution", ConfigKey.Type.BOOLEAN, false,
                        "publish with 1-second storage resolution instead of 60 seconds")));
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

    /** @throws IllegalArgumentException naming every bad key at once */
    @Override
    public ResultSink create(PluginConfig config) {
        List<String> problems = new ArrayList<>();
        String namespace = null;
        boolean highResolution = false;
        try {
            namespace = config.string("namespace");
            if (namespace == null || namespace.isBlank() || namespace.startsWith("AWS/")) {
                problems.add("namespace: must be non-blank and must not start with AWS/, got \"" + namespace + "\"");
            }
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        try {
            highResolution = config.bool("high_resolution");
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        AwsSettings aws = AwsSettings.read(config, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        CloudWatchClient client;
        try {
            client = AwsClientRecipe.configure(CloudWatchClient.builder(), aws).build();
        } catch (SdkClientException e) {
            throw new IllegalArgumentException("region, endpoint: cannot build a CloudWatch client: "
                    + e.getMessage(), e);
        }
        return new CloudWatchSink(client, namespace, highResolution ? 1 : 60);
    }
}
