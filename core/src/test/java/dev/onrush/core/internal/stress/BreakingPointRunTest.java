package dev.onrush.core.internal.stress;

import dev.onrush.core.Onrush;
import dev.onrush.core.model.GeneratorLimits;
import dev.onrush.core.model.LoadSettings;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.core.model.StressSettings;
import dev.onrush.core.model.TestType;
import dev.onrush.demo.DemoTarget;
import dev.onrush.demo.LatencyModel;
import dev.onrush.spi.PhaseResult;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Stress tests against a DemoTarget of known capacity, scaled down to seconds. */
class BreakingPointRunTest {

    /**
     * These tests are about the target's limits: a generator pause on a busy test machine must not end them as
     * generator-limited (that path has its own test).
     */
    private static final GeneratorLimits TOLERANT = new GeneratorLimits(Duration.ofMillis(250), 1);

    @TempDir
    Path results;

    private static Scenario users() {
        return Scenario.of("users", 1, Step.Request.of("GET", "/api/users"), Duration.ZERO);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSearchFindsTheTargetsCapacityWithin15Percent() throws Exception {
        // 20 requests in service at once x 100 ms each: the target serves at most 200 requests/s (a little less:
        // its timers fire late on a busy machine, which a long service time makes matter less). Above that its
        // queue grows without bound, and 10 % over it p95 passes 250 ms within a 2 s step.
        double capacity = 20 / 0.100;
        try (DemoTarget target = new DemoTarget(DemoTarget.Options.builder().capacity(20)
                .baseLatency(Duration.ofMillis(100)).build())) {
            target.start();
            warmUp(target);
            StressSettings search = new StressSettings(StressSettings.Mode.SEARCH, 150, Duration.ofSeconds(2), 2.0,
                    0.10, 5_000, 5, Duration.ofSeconds(1), 3, Duration.ofSeconds(1));
            LoadTest test = LoadTest.builder("stress-search").type(TestType.STRESS).target(target.baseUrl())
                    .scenario(users()).stress(search).criterion("p95 < 250ms").limits(TOLERANT).build();

            RunResult r = Onrush.builder().eventLoops(1).resultsRoot(results).build().run(test);

            Map<String, Object> a = r.analysis();
            assertThat(a).as(a.toString()).containsEntry("mode", "search").containsKeys("breaking_rps", "reason");
            double sustainable = (double) a.get("max_sustainable_rps");
            double breaking = (double) a.get("breaking_rps");
            assertThat(sustainable).as(a.toString()).isCloseTo(capacity, within(capacity * 0.15));
            assertThat(breaking).as(a.toString()).isGreaterThan(sustainable);
            assertThat((breaking - sustainable) / sustainable).as(a.toString()).isLessThanOrEqualTo(0.10 + 1e-9);
            assertThat(r.verdict()).as(r.verdictReason()).isEqualTo(Verdict.PASSED);
            assertThat(r.verdictReason()).contains("breaks between");

            List<Map<String, Object>> steps = (List<Map<String, Object>>) a.get("steps");
            // the climb: 150, 300 (fails), then midpoints
            assertThat(steps.get(0)).containsEntry("rate", 150.0).containsEntry("passed", true);
            assertThat(steps.get(1)).containsEntry("rate", 300.0).containsEntry("passed", false);
            for (Map<String, Object> s : steps) {
                assertThat(s).containsKeys("rate", "requests", "error_rate_percent", "p95_ms", "passed");
                // each step is judged on its own data: a passing step's requests match its rate over 2 s, not a
                // running total (an overloaded one completes fewer: the target's capacity)
                double requests = ((Number) s.get("requests")).doubleValue();
                double planned = (double) s.get("rate") * 2;
                assertThat(requests).as(s.toString()).isBetween((Boolean) s.get("passed") ? planned * 0.9 : 0,
                        planned * 1.02);
            }
            // the phases ran at the rates decided for them; failing steps are followed by an idle settle
            Map<String, String> shapes = new java.util.HashMap<>();
            r.phases().forEach(p -> shapes.put(p.name(), p.shape()));
            assertThat(shapes).containsEntry("settle_1", "rate 150/s").containsEntry("step_2", "rate 300/s")
                    .containsEntry("hold_2", "rate 300/s").containsEntry("settle_2", "idle (rate 0/s)");
            assertThat(r.phases().stream().map(PhaseResult::name)).doesNotContain("step_" + search.searchSlots());
            // after the failing step, the next one started only once the backlog had drained: its first second
            // is as fast as the passing steps were
            Map<String, Object> afterFailure = steps.get(2);
            assertThat((double) afterFailure.get("rate")).isEqualTo(225.0);
            assertThat(r.intervals().stream().filter(i -> i.phase().equals(afterFailure.get("phase"))).findFirst()
                    .orElseThrow().totals().latencyMs().max()).as("no request left over from the failing step")
                    .isLessThan(1000);
            // criteria are judged on the highest passing step
            assertThat(r.criteria()).singleElement().satisfies(c -> {
                assertThat(c.passed()).isTrue();
                assertThat(c.scope()).startsWith("phase:step_");
            });
            String json = Files.readString(results.resolve(r.testId()).resolve("result.json"));
            assertThat(json).contains("\"max_sustainable_rps\"", "\"breaking_rps\"", "\"steps\"");
            // the search ends at an interval's end: no sliver of a last interval whose drained responses would
            // read as a burst of throughput
            assertThat(r.intervals()).allSatisfy(i -> assertThat(i.durationS()).isCloseTo(1.0, within(0.01)));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStaircaseStopsAtTheFirstStepAboveTheErrorRate() throws Exception {
        // rate 100/s x 1.25 per 2 s step; the target starts failing one request in four with the third step
        try (DemoTarget target = new DemoTarget(DemoTarget.Options.builder()
                .latency(LatencyModel.fixed(Duration.ofMillis(5))).build())) {
            target.start();
            LoadTest test = LoadTest.builder("stress-steps").type(TestType.STRESS).target(target.baseUrl())
                    .scenario(users()).load(LoadSettings.rate(100, Duration.ofSeconds(2), Duration.ZERO,
                            Duration.ZERO)).limits(TOLERANT).build();
            assertThat(test.stress()).isEqualTo(StressSettings.DEFAULT_STEPS);
            assertThat(test.phases()).extracting(p -> p.name()).containsExactly("step_1", "step_2", "step_3",
                    "step_4", "step_5");

            var handle = Onrush.builder().eventLoops(1).resultsRoot(results).build().start(test);
            // steps 1 and 2 are clean: 200 + 250 requests, counted (the target draws a request's failure when it
            // arrives), not timed, so a slow machine cannot move the switch into either step
            long stepsOneAndTwo = 200 + 250;
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (target.requestsReceived() < stepsOneAndTwo && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assertThat(target.requestsReceived()).as("requests of steps 1 and 2").isGreaterThanOrEqualTo(
                    stepsOneAndTwo);
            target.reconfigure(target.options().newBuilder().errorRate(0.25).build());
            RunResult r = handle.await();

            Map<String, Object> a = r.analysis();
            assertThat(a).as(a.toString()).containsEntry("mode", "steps");
            List<Map<String, Object>> steps = (List<Map<String, Object>>) a.get("steps");
            assertThat(steps).hasSize(3);
            assertThat(steps.get(2)).containsEntry("passed", false).containsEntry("rate", 156.25);
            assertThat((String) steps.get(2).get("reason")).startsWith("error rate");
            assertThat((double) a.get("max_sustainable_rps")).isCloseTo(125, within(125 * 0.05));
            // the run stopped after step 3 instead of running all five steps (10 s)
            assertThat(r.durationS()).isLessThan(8.5);
            assertThat(r.phases()).extracting(PhaseResult::name).doesNotContain("step_5", "step_6");
            assertThat(r.verdict()).as(r.verdictReason()).isEqualTo(Verdict.PASSED);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSearchStopsAsInconclusiveWhenTheGeneratorIsTheBottleneck() throws Exception {
        try (DemoTarget target = new DemoTarget(DemoTarget.Options.defaults())) {
            target.start();
            // a lag limit of zero: any lateness of the generator counts as the bottleneck
            LoadTest test = LoadTest.builder("stress-generator").type(TestType.STRESS).target(target.baseUrl())
                    .scenario(users()).limits(new GeneratorLimits(Duration.ZERO, 1))
                    .stress(new StressSettings(StressSettings.Mode.SEARCH, 200, Duration.ofSeconds(2), 2.0, 0.05,
                            10_000, 5, Duration.ZERO, 3, Duration.ZERO)).build();

            RunResult r = Onrush.builder().eventLoops(1).resultsRoot(results).build().run(test);

            assertThat(r.verdict()).as(r.verdictReason()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(r.verdictReason()).contains("the generator could not drive 200 rps");
            assertThat(r.analysis()).doesNotContainKeys("max_sustainable_rps", "breaking_rps");
            assertThat((List<Map<String, Object>>) r.analysis().get("steps")).singleElement()
                    .satisfies(s -> assertThat((String) s.get("reason")).contains("generator was the bottleneck"));
            assertThat(r.durationS()).isLessThan(4);
        }
    }

    private void warmUp(DemoTarget target) {
        Onrush.builder().eventLoops(1).resultsRoot(results).build().run(LoadTest.builder("warm-up")
                .target(target.baseUrl()).scenario(users())
                .phase("warm", Duration.ofSeconds(2), LoadShape.rate(150, 150)).build());
    }
}
