package dev.onrush.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.PluginSpec;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.core.sink.ResultJson;
import dev.onrush.demo.DemoTarget;
import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.sink.ResultSink;
import io.vertx.core.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Probes named in a plan are sampled during a real run (the test probe {@code window} of this module). */
class ProbeRunTest {

    @TempDir
    Path results;

    private DemoTarget target;

    @BeforeEach
    void startTarget() {
        target = new DemoTarget(DemoTarget.Options.builder().build());
        target.start();
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    private LoadTest test(PluginSpec probe) {
        return LoadTest.builder("probed").target(target.baseUrl())
                .scenario(Scenario.of("get", 1, Step.Request.of("GET", "/api/users"), Duration.ZERO))
                .phase("steady", Duration.ofSeconds(3), LoadShape.rate(100, 100)).probe(probe).build();
    }

    @Test
    void samplesCoverTheRunWindowByWindowAndReachSinksAndTheResult() throws Exception {
        RecordingSink sink = new RecordingSink();
        RunResult r = Onrush.builder().eventLoops(1).resultsRoot(results).sink(sink).build()
                .run(test(new PluginSpec("window", Map.of("metric", "cpu", "period", "500ms"))));

        List<ProbeSample> samples = r.probes();
        assertThat(samples).hasSizeBetween(5, 8).allSatisfy(s -> {
            assertThat(s.probeId()).isEqualTo("window");
            assertThat(s.metric()).isEqualTo("cpu");
            assertThat(s.dimensions()).containsEntry("thread", "onrush-probes");
        });
        assertThat(samples.get(0).dimensions()).containsEntry("from", r.startedAt().toString());
        for (int i = 1; i < samples.size(); i++) {
            // each window starts where the previous one ended
            assertThat(Instant.parse(samples.get(i).dimensions().get("from"))).isEqualTo(samples.get(i - 1).timestamp());
        }
        double coveredMs = samples.stream().mapToDouble(ProbeSample::value).sum();
        assertThat(coveredMs).isBetween(2900.0, 4500.0);
        assertThat(sink.samples).containsExactlyElementsOf(samples);
        assertThat(sink.onEventLoop).isEmpty();

        JsonNode json = ResultJson.mapper().readTree(results.resolve(r.testId()).resolve("result.json").toFile());
        assertThat(json.get("probes")).hasSize(samples.size());
        assertThat(json.get("probes").get(0).get("probe_id").asText()).isEqualTo("window");
        assertThat(json.get("analysis").get("probes").toString()).contains("\"complete\":true",
                "\"samples\":" + samples.size());
    }

    @Test
    void aFailingProbeIsReportedOnceAndTheRunGoesOn() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        RunResult r = Onrush.builder().eventLoops(1).resultsRoot(results).warnings(warnings::add).build()
                .run(test(new PluginSpec("window", Map.of("metric", "cpu", "period", "250ms", "fail", true))));

        assertThat(r.totals().requests()).isPositive();
        assertThat(r.probes()).isEmpty();
        assertThat(warnings).filteredOn(w -> w.contains("monitoring is down")).hasSize(1);
        assertThat(warnings).anySatisfy(w -> assertThat(w).matches("probe .*: \\d+ samples failed, 0 skipped.*"));
        // its series is marked incomplete in the result
        assertThat(r.analysis().get("probes")).asString().contains("complete=false", "samples=0");
    }

    @Test
    void aProbeCriterionDecidesTheVerdictFromTheSamples() {
        // the window probe's value is its window in ms (about 500): a bound below it breaks, one above holds
        LoadTest breaking = test(new PluginSpec("window", Map.of("metric", "cpu", "period", "500ms"))).toBuilder()
                .criterion("probe.cpu.max < 100").criterion("error_rate < 1%").build();
        RunResult r = Onrush.builder().eventLoops(1).resultsRoot(results).build().run(breaking);
        assertThat(r.verdict()).as(r.verdictReason()).isEqualTo(dev.onrush.spi.Verdict.FAILED);
        assertThat(r.verdictReason()).contains("probe.cpu.max < 100");
        assertThat(r.criteria().get(0).actual()).isBetween(300.0, 2000.0);

        LoadTest holding = test(new PluginSpec("window", Map.of("metric", "cpu", "period", "500ms"))).toBuilder()
                .criterion("probe.cpu.max < 100000").build();
        assertThat(Onrush.builder().eventLoops(1).resultsRoot(results).build().run(holding).criteria().get(0)
                .passed()).isTrue();
    }

    private static final class RecordingSink implements ResultSink {
        final List<ProbeSample> samples = new CopyOnWriteArrayList<>();
        final List<String> onEventLoop = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<Void> onProbeSample(ProbeSample sample) {
            if (Context.isOnEventLoopThread()) {
                onEventLoop.add(Thread.currentThread().getName());
            }
            samples.add(sample);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> onComplete(RunResult result) {
            return CompletableFuture.completedFuture(null);
        }
    }
}
