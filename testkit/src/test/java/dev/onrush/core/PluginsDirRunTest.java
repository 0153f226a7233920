package dev.onrush.core;

import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.PluginSpec;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.demo.DemoTarget;
import dev.onrush.spi.RunResult;
import dev.onrush.testkit.SamplePluginJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A sink compiled at test time against the SPI alone, packed into a jar and loaded from a plugins folder. */
class PluginsDirRunTest {


    @TempDir
    Path tmp;

    @Test
    void aSinkJarInThePluginsFolderIsCalledByARun() throws Exception {
        Path plugins = Files.createDirectory(tmp.resolve("plugins"));
        SamplePluginJar.write(plugins.resolve("marker-sink.jar"), tmp);
        Path marker = tmp.resolve("marker.txt");
        try (DemoTarget target = new DemoTarget(DemoTarget.Options.builder().build())) {
            target.start();
            LoadTest test = LoadTest.builder("plugin-dir").target(target.baseUrl())
                    .scenario(Scenario.of("get", 1, Step.Request.of("GET", "/api/users"), Duration.ZERO))
                    .phase("steady", Duration.ofSeconds(1), LoadShape.rate(50, 50))
                    .sink(new PluginSpec("marker", Map.of("file", marker.toString()))).build();
            Onrush onrush = Onrush.builder().eventLoops(1).resultsRoot(tmp.resolve("results"))
                    .pluginsDir(plugins).build();

            assertThat(onrush.sinkIds()).contains("marker", "console", "json", "hdr-log");
            RunResult result = onrush.run(test);

            assertThat(marker).hasContent(result.testId() + " " + result.totals().requests());
            assertThat(result.totals().requests()).isPositive();
        }
    }

    @Test
    void withoutThePluginsFolderThePlanIsRefusedNamingTheKnownIds() {
        LoadTest test = LoadTest.builder("no-plugin").target("http://127.0.0.1:9")
                .scenario(Scenario.of("get", 1, Step.Request.of("GET", "/"), Duration.ZERO))
                .phase("steady", Duration.ofSeconds(1), LoadShape.rate(1, 1))
                .sink(PluginSpec.of("marker")).build();
        Path results = tmp.resolve("results");
        assertThatThrownBy(() -> Onrush.builder().resultsRoot(results).build().run(test))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("unknown sink \"marker\"; known: console, hdr-log, json");
        assertThat(results).doesNotExist();
    }

}
