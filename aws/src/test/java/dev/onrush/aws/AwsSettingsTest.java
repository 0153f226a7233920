package dev.onrush.aws;

import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.PluginConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the shared AWS keys from a plugin's entry. */
class AwsSettingsTest {

    private static final List<ConfigKey> KEYS = AwsSettings.keys("DynamoDB", "20s", 6);

    private static PluginConfig config(Map<String, ?> settings) {
        return new PluginConfig("dynamodb", settings, KEYS);
    }

    @Test
    void absentKeysTakeThePluginsDefaults() {
        List<String> problems = new ArrayList<>();

        AwsSettings settings = AwsSettings.read(config(Map.of()), problems);

        assertThat(problems).isEmpty();
        assertThat(settings).isEqualTo(new AwsSettings(null, null, Duration.ofSeconds(20), 6));
        assertThat(settings.attemptTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void givenKeysAreRead() {
        List<String> problems = new ArrayList<>();

        AwsSettings settings = AwsSettings.read(config(Map.of("region", " eu-west-1 ", "endpoint",
                "http://127.0.0.1:4566", "timeout", "5s", "max_attempts", "1")), problems);

        assertThat(problems).isEmpty();
        assertThat(settings).isEqualTo(new AwsSettings("eu-west-1", URI.create("http://127.0.0.1:4566"),
                Duration.ofSeconds(5), 1));
        assertThat(settings.attemptTimeout()).as("one attempt may take the whole timeout")
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void everyBadKeyIsReportedAtOnceAndNoSettingsAreMade() {
        List<String> problems = new ArrayList<>(List.of("bucket: the plugin's own problem"));

        AwsSettings settings = AwsSettings.read(config(Map.of("region", " ", "endpoint", "not a url",
                "timeout", "0s", "max_attempts", 0)), problems);

        assertThat(settings).isNull();
        assertThat(problems).hasSize(5).first().isEqualTo("bucket: the plugin's own problem");
        assertThat(problems).anyMatch(p -> p.startsWith("region: must not be blank"))
                .anyMatch(p -> p.startsWith("endpoint: \"not a url\" is not a URL"))
                .anyMatch(p -> p.equals("timeout: must be positive"))
                .anyMatch(p -> p.equals("max_attempts: must be 1 to 20, got 0"));
    }

    @Test
    void valuesOfTheWrongTypeAreReportedByKeyWithoutThePluginId() {
        List<String> problems = new ArrayList<>();

        AwsSettings.read(config(Map.of("timeout", "soon", "max_attempts", "many", "endpoint", "/relative")),
                problems);

        assertThat(problems).containsExactlyInAnyOrder(
                "endpoint: \"/relative\" is not an absolute URL such as http://127.0.0.1:4566",
                "timeout: expected a duration such as 250ms, 30s, 5m or 1h, got \"soon\"",
                "max_attempts: expected a whole number, got \"many\"");
    }

    @Test
    void theDeprecatedTimeoutNameIsReadAsTimeout() {
        List<String> problems = new ArrayList<>();

        AwsSettings settings = AwsSettings.read(config(Map.of("request_timeout", "7s")), problems);

        assertThat(problems).isEmpty();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(config(Map.of("request_timeout", "7s")).validate(KEYS)).as("an accepted key").isEmpty();
    }

    @Test
    void theDeprecatedNameIsCheckedLikeTheNewOne() {
        List<String> zero = new ArrayList<>();
        AwsSettings.read(config(Map.of("request_timeout", "0ms")), zero);
        List<String> both = new ArrayList<>();
        AwsSettings.read(config(Map.of("request_timeout", "7s", "timeout", "9s")), both);

        assertThat(zero).containsExactly("request_timeout: must be positive");
        assertThat(both).singleElement().asString().startsWith("request_timeout: the deprecated name of timeout");
    }

    @Test
    void everyPluginGetsTheSameKeyNamesWithItsOwnDefaults() {
        List<ConfigKey> s3 = AwsSettings.keys("S3", "120s", 4);

        assertThat(s3).extracting(ConfigKey::name)
                .containsExactly("region", "endpoint", "timeout", "max_attempts", "request_timeout");
        assertThat(s3).extracting(ConfigKey::defaultValue).containsExactly(null, null, "120s", 4, null);
        assertThat(s3.get(2).description()).contains("S3", "retries included");
    }

    @Test
    void theRecordRefusesWhatTheReaderReports() {
        assertThatThrownBy(() -> new AwsSettings(null, null, Duration.ZERO, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> new AwsSettings(null, null, Duration.ofSeconds(1), 21))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new AwsSettings(null, URI.create("/x"), Duration.ofSeconds(1), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> new AwsSettings(null, null, null, 2))
                .isInstanceOf(NullPointerException.class).hasMessage("timeout");
    }
}
