package dev.onrush.core.internal.analysis;

import dev.onrush.core.Onrush;
import dev.onrush.core.model.LoadSettings;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.core.model.TestType;
import dev.onrush.demo.DemoTarget;
import dev.onrush.demo.LatencyModel;
import dev.onrush.spi.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The type analyses on real runs against DemoTarget, scaled down to seconds. */
class AnalysisRunTest {

    @TempDir
    Path results;

    private static Scenario users() {
        return Scenario.of("users", 1, Step.Request.of("GET", "/api/users"), Duration.ZERO);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSpikeThatOverloadsTheTargetHasAFiniteRecoveryTime() throws Exception {
        // capacity 10 x 50 ms: about 200 requests/s; the spike asks 400/s for 1 s, then the backlog of about 200
        // drains at about 160/s. A 50 ms service time leaves the 10 % recovery bound a few ms of room for noise.
        try (DemoTarget target = new DemoTarget(DemoTarget.Options.builder().capacity(10)
                .latency(LatencyModel.fixed(Duration.ofMillis(50))).build())) {
            target.start();
            // JIT warm-up of generator and target first: a cold first second would spoil the pre-spike p95
            Onrush.builder().eventLoops(1).resultsRoot(results).build().run(LoadTest.builder("warm-up")
                    .target(target.baseUrl()).scenario(users())
                    .phase("warm", Duration.ofSeconds(2), LoadShape.rate(150, 150)).build());
            LoadTest test = LoadTest.builder("spike").type(TestType.SPIKE).target(target.baseUrl())
                    .scenario(users())
                    .phase("before_spike", Duration.ofSeconds(3), LoadShape.rate(40, 40))
                    .phase("spike", Duration.ofSeconds(1), LoadShape.rate(400, 400))
                    .phase("after_spike", Duration.ofSeconds(8), LoadShape.rate(40, 40)).build();

            RunResult r = Onrush.builder().eventLoops(1).resultsRoot(results).build().run(test);

            Map<String, Object> spike = (Map<String, Object>) r.analysis().get("spike");
            assertThat(spike).as(spike.toString()).containsEntry("spike_phase", "spike")
                    .containsEntry("recovered", true);
            double before = (double) ((Map<String, Object>) spike.get("before")).get("p95_ms");
            double during = (double) ((Map<String, Object>) spike.get("during")).get("p95_ms");
            assertThat(during).isGreaterThan(before * 3);
            assertThat((double) spike.get("recovery_time_s")).as(spike.toString()).isBetween(0.5, 7.0);
            assertThat(Files.readString(results.resolve(r.testId()).resolve("result.json")))
                    .contains("\"analysis\"", "\"recovery_time_s\"");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void scalabilityReportsTheCapacityStepsAndATimeToScaleCloseToTheConfiguredDelay() throws Exception {
        // 10 slots x 50 ms: 200 requests/s. Levels of 4 s at 80, 160, 240, 320/s after a 2 s ramp (the warm-up):
        // level_75 overloads it until, 1.5 s into the queueing, the capacity grows by 10 to 400/s.
        DemoTarget.Options scaling = DemoTarget.Options.builder().capacity(10)
                .latency(LatencyModel.fixed(Duration.ofMillis(50)))
                .scaleOut(10, Duration.ofMillis(1_500), 30).build();
        try (DemoTarget target = new DemoTarget(scaling)) {
            target.start();
            LoadTest test = LoadTest.builder("scale").type(TestType.SCALABILITY).target(target.baseUrl())
                    .load(LoadSettings.rate(320, Duration.ofSeconds(4), Duration.ofSeconds(2), Duration.ZERO))
                    .probe(new dev.onrush.core.model.PluginSpec("demo-capacity", Map.of("period", "250ms")))
                    .criterion("p95 < 150ms").scenario(users()).build();

            java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
            var handle = Onrush.builder().eventLoops(1).resultsRoot(results)
                    .console(new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8), false)
                    .build().start(test);
            RunResult r = handle.await();

            Map<String, Object> scalability = (Map<String, Object>) r.analysis().get("scalability");
            String all = String.valueOf(scalability);
            List<Map<String, Object>> levels = (List<Map<String, Object>>) scalability.get("levels");
            assertThat(levels).as(all).extracting(l -> l.get("level"))
                    .containsExactly("level_25", "level_50", "level_75", "level_100");
            assertThat(levels.get(0)).as(all).containsEntry("capacity", 10.0).containsEntry("efficiency", 1.0);
            assertThat((double) levels.get(2).get("capacity")).as(all).isGreaterThanOrEqualTo(20.0);
            List<Map<String, Object>> steps = (List<Map<String, Object>>) scalability.get("capacity_steps");
            assertThat(steps).as(all).isNotEmpty();
            assertThat(steps.get(0)).as(all).containsEntry("from", 10.0).containsEntry("to", 20.0);
            assertThat(scalability).as(all).containsEntry("breach_phase", "level_75");
            // the queue starts with level_75's first interval; the probe sees the step within its 250 ms period
            assertThat((double) scalability.get("time_to_scale_s")).as(all).isBetween(1.2, 3.0);
            assertThat((double) scalability.get("time_to_recover_s")).as(all)
                    .isGreaterThanOrEqualTo((double) scalability.get("time_to_scale_s") - 1);
            assertThat(console.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .contains("scalability (capacity from demo-capacity capacity; latency bound p95 < 150ms)",
                            "first broken at", "capacity steps: 10 -> 20 at ");
            // last, as it is skipped without a browser (and fails in CI)
            String dom = dev.onrush.core.ChromiumPage.dom(handle.outputDir().resolve("report.html"), results);
            assertThat(dev.onrush.core.ChromiumPage.attribute(dom, "data-errors")).isEmpty();
            assertThat(dom).contains("Analysis: scalability", "level_75", "time to scale");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void enduranceFlagsDriftForALeakingTargetAndNotForASteadyOne() throws Exception {
        Map<String, Object> steady = endurance(false);
        Map<String, Object> leaking = endurance(true);

        assertThat((List<String>) steady.get("drift")).as(steady.toString()).doesNotContain("p95_ms");
        assertThat((List<String>) leaking.get("drift")).as(leaking.toString()).contains("p95_ms");
        assertThat((Map<String, Object>) leaking.get("p95_ms")).containsEntry("drift", true);
        assertThat((List<?>) leaking.get("windows")).hasSizeGreaterThanOrEqualTo(9);
        // the report shows the drift line and the probe series, and renders without errors (last: it is skipped
        // without a browser, and fails in CI)
        String dom = dev.onrush.core.ChromiumPage.dom(leakingReport, results);
        assertThat(dev.onrush.core.ChromiumPage.attribute(dom, "data-errors")).isEmpty();
        assertThat(dev.onrush.core.ChromiumPage.attribute(dom, "data-charts"))
                .isEqualTo(dev.onrush.core.ChromiumPage.attribute(dom, "data-expected")).isEqualTo("7");
    }

    /** The report of the leaking endurance run, for the browser check. */
    private java.nio.file.Path leakingReport;

    @SuppressWarnings("unchecked")
    private Map<String, Object> endurance(boolean leak) throws Exception {
        // the leak: the service time grows by 10 ms per second of uptime, well above a busy machine's noise
        DemoTarget.Options options = DemoTarget.Options.builder().latency(LatencyModel.fixed(Duration.ofMillis(2)))
                .leak(leak ? Duration.ofMillis(10) : Duration.ZERO).build();
        try (DemoTarget target = new DemoTarget(options)) {
            target.start();
            LoadTest test = LoadTest.builder("soak").type(TestType.ENDURANCE).target(target.baseUrl())
                    .probe(new dev.onrush.core.model.PluginSpec("window", Map.of("metric", "cpu", "period", "1s")))
                    .scenario(users()).phase("steady", Duration.ofSeconds(10), LoadShape.rate(100, 100)).build();
            var handle = Onrush.builder().eventLoops(1).resultsRoot(results).build().start(test);
            RunResult r = handle.await();
            if (leak) {
                leakingReport = handle.outputDir().resolve("report.html");
            }
            return (Map<String, Object>) r.analysis().get("endurance");
        }
    }
}
