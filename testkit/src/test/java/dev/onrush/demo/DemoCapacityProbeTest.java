package dev.onrush.demo;

import dev.onrush.core.Onrush;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.PluginSpec;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.probe.Probe;
import dev.onrush.spi.probe.ProbeContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoCapacityProbeTest {

    @TempDir
    Path results;

    private final DemoCapacityProbeProvider provider = new DemoCapacityProbeProvider();

    private Probe probe(Map<String, Object> settings) {
        return provider.create(new PluginConfig(provider.id(), settings, provider.configKeys()));
    }

    @Test
    void readsCapacityAndLoadOfTheTarget() {
        try (DemoTarget target = new DemoTarget(DemoTarget.Options.builder().capacity(7).build())) {
            target.start();
            Instant now = Instant.now();

            List<ProbeSample> samples = probe(Map.of("url", target.baseUrl() + "/")).sample(now.minusSeconds(1), now)
                    .toCompletableFuture().join();

            assertThat(samples).extracting(ProbeSample::metric)
                    .containsExactly("capacity", "requests_in_service", "requests_queued");
            assertThat(samples.get(0).value()).isEqualTo(7);
            assertThat(samples.get(0).timestamp()).isEqualTo(now);
        }
    }

    @Test
    void withoutAUrlItReadsThePlansTargetAndReportsScaleEventsOfTheRunOnce() throws Exception {
        DemoTarget.Options scaling = DemoTarget.Options.builder().capacity(2)
                .latency(LatencyModel.fixed(Duration.ofMillis(100))).scaleOut(2, Duration.ofMillis(300), 4).build();
        try (DemoTarget target = new DemoTarget(scaling)) {
            target.start();
            LoadTest test = LoadTest.builder("probe").target(target.baseUrl())
                    .scenario(Scenario.of("s", 1, Step.Request.of("GET", "/api/users"), Duration.ZERO))
                    .probe(new PluginSpec("demo-capacity", Map.of("period", "200ms")))
                    .phase("over", Duration.ofSeconds(3), LoadShape.rate(60, 60)).build(); // 60/s > 20/s

            RunResult r = Onrush.builder().eventLoops(1).resultsRoot(results).build().run(test);

            assertThat(r.probes()).filteredOn(s -> s.metric().equals("capacity")).extracting(ProbeSample::value)
                    .startsWith(2.0).endsWith(4.0);
            assertThat(r.probes()).filteredOn(s -> s.metric().equals("scaling_activity")).singleElement()
                    .satisfies(s -> assertThat(s.value()).isEqualTo(2))
                    .satisfies(s -> assertThat(s.dimensions()).containsEntry("from", "2").containsEntry("to", "4"));
            assertThat(r.analysis().get("probes")).asString().contains("complete=true");
        }
    }

    @Test
    void aProbeWithoutUrlOrTargetFailsItsSamples() {
        Probe probe = probe(Map.of());
        Instant now = Instant.now();

        assertThat(probe.sample(now.minusSeconds(1), now)).failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(Exception.class).withMessageContaining("no url");
        probe.start(new RunInfo("t", "t", "baseline", "http://127.0.0.1:1", now, Duration.ofSeconds(1), List.of(),
                List.of(), null, Map.of()), new ProbeContext(URI.create("http://127.0.0.1:1"), () -> 0));
        assertThat(probe.sample(now.minusSeconds(1), now)).failsWithin(Duration.ofSeconds(10));
    }

    @Test
    void aUrlThatIsNotOneIsRefused() {
        assertThatThrownBy(() -> probe(Map.of("url", "not a url"))).hasMessageStartingWith("url:");
        assertThatThrownBy(() -> probe(Map.of("url", "localhost"))).hasMessageStartingWith("url:");
    }
}
