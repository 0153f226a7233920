package dev.onrush.core.internal.plugin;

import dev.onrush.core.PluginException;
import dev.onrush.core.model.PluginSpec;
import dev.onrush.core.sink.ConsoleSink;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PluginRegistryTest {

    private final PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader());

    @Test
    void findsTheBuiltInSinksAndTheClasspathProbe() {
        assertThat(registry.sinkIds()).contains("console", "json", "hdr-log");
        assertThat(registry.probeIds()).contains("window");
    }

    @Test
    void resolvesPlanEntriesIntoInstances() {
        PluginRegistry.Resolved made = registry.resolve(
                List.of(PluginSpec.of("console"), PluginSpec.of("json"), PluginSpec.of("hdr-log")),
                List.of(new PluginSpec("window", Map.of("metric", "cpu"))), new Properties());
        assertThat(made.sinks()).hasSize(3).first().isInstanceOf(ConsoleSink.class);
        assertThat(made.probes()).hasSize(1);
    }

    @Test
    void reportsEveryProblemInOneException() {
        PluginException e = catchThrowableOfType(PluginException.class, () -> registry.resolve(
                List.of(PluginSpec.of("dynamo"), new PluginSpec("console", Map.of("interactiv", true, "stream", 3))),
                List.of(new PluginSpec("window", Map.of("period", "soon")), PluginSpec.of("cloudwatch")),
                new Properties()));

        assertThat(e.problems()).containsExactly(
                "sinks[0] (dynamo): unknown sink \"dynamo\"; known: console, hdr-log, json",
                "sinks[1] (console).interactiv: unknown key; did you mean interactive?",
                "sinks[1] (console): accepted keys: interactive, stream",
                "probes[0] (window).period: expected a duration such as 250ms, 30s, 5m or 1h, got \"soon\"",
                "probes[0] (window).metric: missing (required: the metric's alias)",
                "probes[0] (window): accepted keys: metric, period, fail",
                "probes[1] (cloudwatch): unknown probe \"cloudwatch\"; known: demo-capacity, process, window");
        assertThat(e.getMessage()).startsWith("7 plugin problems:\n  sinks[0] (dynamo)").contains("\n  probes[1]");
    }

    @Test
    void aProviderRefusingItsSettingsIsReportedToo() {
        assertThatThrownBy(() -> registry.resolve(List.of(new PluginSpec("console", Map.of("stream", "printer"))),
                List.of(), new Properties()))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("sinks[0] (console): stream: expected stdout or stderr, got \"printer\"");
    }

    @Test
    void systemPropertiesFillSettingsAndThePlanWins() {
        Properties props = new Properties();
        props.setProperty("onrush.probe.window.metric", "from-property");
        props.setProperty("onrush.probe.window.period", "2s");
        props.setProperty("onrush.sink.window.metric", "not for probes");
        PluginRegistry.Resolved made = registry.resolve(List.of(),
                List.of(new PluginSpec("window", Map.of("period", "1s"))), props);
        assertThat(made.probes().get(0).period()).hasSeconds(1);

        assertThatThrownBy(() -> registry.resolve(List.of(), List.of(PluginSpec.of("window")),
                new Properties())).hasMessageContaining("metric: missing");
        assertThat(registry.resolve(List.of(), List.of(PluginSpec.of("window")), props).probes()).hasSize(1);
    }
}
