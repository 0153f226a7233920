package dev.onrush.core.probe;

import dev.onrush.core.Onrush;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.PluginSpec;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.demo.DemoTarget;
import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessProbeRunTest {

    @TempDir
    Path results;

    @Test
    void samplesTheGeneratorsCpuHeapAndGcDuringARun() throws Exception {
        try (DemoTarget target = new DemoTarget(DemoTarget.Options.builder().build())) {
            target.start();
            LoadTest test = LoadTest.builder("process").target(target.baseUrl())
                    .scenario(Scenario.of("s", 1, Step.Request.of("GET", "/api/users"), Duration.ZERO))
                    .probe(new PluginSpec("process", Map.of("period", "500ms")))
                    .phase("p", Duration.ofSeconds(3), LoadShape.rate(200, 200)).build();

            RunResult r = Onrush.builder().eventLoops(1).resultsRoot(results).build().run(test);

            assertThat(r.probes()).extracting(ProbeSample::metric)
                    .contains("cpu_percent", "heap_used_mb", "gc_pause_ms", "gc_pause_percent", "event_loop_lag_ms");
            assertThat(r.probes()).filteredOn(s -> s.metric().equals("event_loop_lag_ms"))
                    .allSatisfy(s -> assertThat(s.value()).isBetween(0.0, 5_000.0)).hasSizeGreaterThanOrEqualTo(4);
            assertThat(r.probes()).filteredOn(s -> s.metric().equals("cpu_percent"))
                    .allSatisfy(s -> assertThat(s.value()).isBetween(0.0, 100.0)).hasSizeGreaterThanOrEqualTo(4);
            assertThat(r.probes()).filteredOn(s -> s.metric().equals("heap_used_mb"))
                    .allSatisfy(s -> assertThat(s.value()).isPositive());
            assertThat(r.analysis().get("probes")).asString().contains("complete=true");
        }
    }
}
