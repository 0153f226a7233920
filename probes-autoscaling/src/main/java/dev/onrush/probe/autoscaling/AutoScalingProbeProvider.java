package dev.onrush.probe.autoscaling;

import dev.onrush.aws.AwsClientRecipe;
import dev.onrush.aws.AwsSettings;
import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.probe.Probe;
import dev.onrush.spi.probe.ProbeProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code probes: [{id: autoscaling, group: web-asg, period: 15s}]}. Credentials come from the SDK's default chain;
 * {@code region}, {@code endpoint}, {@code timeout} and {@code max_attempts} are the AWS plugins' shared keys
 * ({@link AwsSettings}). Builds the client ({@link AwsClientRecipe}, no request) in {@link #create}.
 */
public final class AutoScalingProbeProvider implements ProbeProvider {

    /** Attempts per call, the first included, when the plan does not say. */
    static final int DEFAULT_MAX_ATTEMPTS = 4;

    private static final List<ConfigKey> KEYS = keys();

    private static List<ConfigKey> keys() {
        List<ConfigKey> keys = new ArrayList<>(List.of(
                ConfigKey.required("group", ConfigKey.Type.STRING, "the Auto Scaling group's name"),
                ConfigKey.optional("period", ConfigKey.Type.DURATION, "15s", "how often to sample the group")));
        keys.addAll(AwsSettings.keys("Auto Scaling", "20s", DEFAULT_MAX_ATTEMPTS));
        return List.copyOf(keys);
    }

    @Override
    public String id() {
        return "autoscaling";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return KEYS;
    }

    /** @throws IllegalArgumentException naming every bad key at once */
    @Override
    public Probe create(PluginConfig config) {
        List<String> problems = new ArrayList<>();
        String group = config.string("group");
        if (group == null || group.isBlank()) {
            problems.add("group: must name an Auto Scaling group");
        }
        Duration period = config.duration("period");
        if (period.isZero()) {
            problems.add("period: must be positive");
        }
        AwsSettings aws = AwsSettings.read(config, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        try {
            return new AutoScalingProbe(AwsClientRecipe.configure(AutoScalingClient.builder(), aws).build(),
                    group.trim(), period);
        } catch (SdkClientException e) {
            throw new IllegalArgumentException("region, endpoint: cannot build an Auto Scaling client: "
                    + e.getMessage(), e);
        }
    }
}
