package dev.onrush.app.serve;

import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.probe.ProbeProvider;
import dev.onrush.spi.sink.ResultSinkProvider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guard for plugins to come: every setting of a shipped sink or probe whose name says it is a URL is declared
 * {@link ConfigKey.Kind#URL}, so that {@link PlanPolicy} holds it to the target allow-list. A key named like a URL
 * that the plugin never contacts is listed here with the reason.
 */
class PluginUrlKeysTest {

    /** {@code id.key} → why it is not a URL the plugin sends requests to. */
    private static final Map<String, String> NOT_CONTACTED = Map.of(
            "dynamodb.report_url_prefix", "written into the results item as a link; DynamoDB is reached at endpoint");

    private record Key(String plugin, ConfigKey key) {
        String path() {
            return plugin + "." + key.name();
        }
    }

    private static List<Key> shippedKeys() {
        List<Key> keys = new ArrayList<>();
        ServiceLoader.load(ResultSinkProvider.class).forEach(p -> p.configKeys().forEach(k -> keys.add(new Key(p.id(), k))));
        ServiceLoader.load(ProbeProvider.class).forEach(p -> p.configKeys().forEach(k -> keys.add(new Key(p.id(), k))));
        return keys;
    }

    @Test
    void everyShippedKeyNamedLikeAUrlIsDeclaredAUrl() {
        List<Key> keys = shippedKeys();
        assertThat(keys).extracting(k -> k.plugin).contains("dynamodb", "s3", "cloudwatch", "autoscaling",
                "demo-capacity", "process", "console");
        List<String> undeclared = keys.stream()
                .filter(k -> k.key.name().matches(".*(url|uri|endpoint|host|webhook).*"))
                .filter(k -> !k.key.isUrl() && !NOT_CONTACTED.containsKey(k.path()))
                .map(Key::path).toList();
        assertThat(undeclared).as("keys named like URLs but not declared ConfigKey.url(...)").isEmpty();
        assertThat(keys).filteredOn(k -> k.key.isUrl()).extracting(Key::path)
                .contains("dynamodb.endpoint", "s3.endpoint", "demo-capacity.url");
    }
}
