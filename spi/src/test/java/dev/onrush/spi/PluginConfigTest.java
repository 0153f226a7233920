package dev.onrush.spi;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginConfigTest {

    private static final List<ConfigKey> KEYS = List.of(
            ConfigKey.required("results_table", ConfigKey.Type.STRING, "table for results"),
            ConfigKey.optional("batch_size", ConfigKey.Type.INT, 20, "items per write"),
            ConfigKey.optional("flush_every", ConfigKey.Type.DURATION, "5s", "how often to flush"),
            ConfigKey.optional("enabled", ConfigKey.Type.BOOLEAN, true, "whether to write"),
            ConfigKey.optional("ratio", ConfigKey.Type.DOUBLE, null, "a ratio"),
            ConfigKey.optional("names", ConfigKey.Type.LIST, null, "names"),
            ConfigKey.optional("tags", ConfigKey.Type.MAP, null, "tags"));

    @Test
    void gettersReadYamlValuesAndFallBackToDefaults() {
        PluginConfig c = new PluginConfig("dynamodb", Map.of("results_table", "runs", "ratio", 0.5,
                "names", List.of("a", "b"), "tags", Map.of("team", "web")), KEYS);
        assertThat(c.string("results_table")).isEqualTo("runs");
        assertThat(c.integer("batch_size")).isEqualTo(20);
        assertThat(c.duration("flush_every")).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.bool("enabled")).isTrue();
        assertThat(c.decimal("ratio")).isEqualTo(0.5);
        assertThat(c.list("names")).containsExactly("a", "b");
        assertThat(c.map("tags")).containsEntry("team", "web");
        assertThat(c.string("absent")).isNull();
        assertThatThrownBy(() -> c.integer("absent")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dynamodb.absent");
    }

    @Test
    void textFromSystemPropertiesIsConverted() {
        PluginConfig c = new PluginConfig("x", Map.of("batch_size", "7", "enabled", "false", "flush_every", "250ms",
                "names", "a, b", "tags", "k=v,k2=v2", "ratio", "1.5"), KEYS);
        assertThat(c.integer("batch_size")).isEqualTo(7);
        assertThat(c.bool("enabled")).isFalse();
        assertThat(c.duration("flush_every")).isEqualTo(Duration.ofMillis(250));
        assertThat(c.list("names")).containsExactly("a", "b");
        assertThat(c.map("tags")).containsEntry("k2", "v2");
        assertThat(c.decimal("ratio")).isEqualTo(1.5);
    }

    @Test
    void durationsAcceptHumanAndIsoForms() {
        for (var e : Map.of("30s", Duration.ofSeconds(30), "5m", Duration.ofMinutes(5), "1h", Duration.ofHours(1),
                "1m30s", Duration.ofSeconds(90), "PT2S", Duration.ofSeconds(2)).entrySet()) {
            assertThat(PluginConfig.of("x", Map.of("d", e.getKey())).duration("d")).isEqualTo(e.getValue());
        }
        assertThatThrownBy(() -> PluginConfig.of("x", Map.of("d", "30")).duration("d"))
                .hasMessageContaining("x.d: expected a duration");
    }

    @Test
    void validateReportsEveryProblemAtOnce() {
        PluginConfig c = PluginConfig.of("dynamodb", Map.of("results_tabel", "runs", "batch_size", "many",
                "flush_every", 5, "enabled", "yes"));
        assertThat(c.validate(KEYS)).containsExactlyInAnyOrder(
                "results_tabel: unknown key; did you mean results_table?",
                "batch_size: expected a whole number, got \"many\"",
                "flush_every: expected a duration such as 250ms, 30s, 5m or 1h, got 5",
                "enabled: expected true or false, got \"yes\"",
                "results_table: missing (required: table for results)");
        assertThat(PluginConfig.of("d", Map.of("results_table", "t")).validate(KEYS)).isEmpty();
    }

    @Test
    void keysMustBeSnakeCase() {
        assertThatThrownBy(() -> ConfigKey.optional("resultsTable", ConfigKey.Type.STRING, null, "d"))
                .hasMessageContaining("snake_case");
        assertThat(ConfigKey.isSnakeCase("p95_ms")).isTrue();
        assertThat(ConfigKey.isSnakeCase("_x")).isFalse();
    }
}
