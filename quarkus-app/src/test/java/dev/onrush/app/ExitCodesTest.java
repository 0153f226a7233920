package dev.onrush.app;

import dev.onrush.demo.DemoTarget;
import dev.onrush.demo.LatencyModel;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sun.misc.Signal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every exit code the help promises ({@link OnrushCommand}), through the runner as a user calls it: 0 passed, 1 a
 * criterion failed (and {@code compare} on a regression), 2 usage, 3 aborted, 4 inconclusive. Each run is made to
 * end the way it is meant to whatever the machine's speed: a generous generator lag bound where the verdict must
 * not come from the generator, and a verdict from counts (dropped arrivals), not from timing, where it must.
 */
@QuarkusMainTest
class ExitCodesTest {

    /** Lag bound for runs whose verdict must come from the target: a busy test machine must not decide it. */
    private static final String TOLERANT = "generator: {max_lag_p99: 10s}";

    @TempDir
    Path tmp;

    @Test
    void aBrokenCriterionExits1AndCompareExits1OnARegressionOnly(QuarkusMainLauncher launcher) throws Exception {
        try (DemoTarget target = started(DemoTarget.Options.builder()
                .latency(LatencyModel.fixed(Duration.ofMillis(5))).build())) {
            Path plan = plan("impossible", target, "rate: 100", "criteria: [\"p99 < 1us\"]");
            Path fast = tmp.resolve("fast");
            LaunchResult failed = launcher.launch("run", plan.toString(), "--out", fast.toString());
            assertThat(failed.exitCode()).as(failed.getOutput() + failed.getErrorOutput()).isEqualTo(1);
            assertThat(failed.getOutput()).contains("verdict: FAILED", "p99 < 1us");

            target.reconfigure(target.options().newBuilder().latency(LatencyModel.fixed(Duration.ofMillis(60)))
                    .build());
            Path slow = tmp.resolve("slow");
            LaunchResult slower = launcher.launch("run", plan.toString(), "--out", slow.toString());
            assertThat(slower.exitCode()).as(slower.getOutput() + slower.getErrorOutput()).isEqualTo(1);

            // 5 ms -> 60 ms at every percentile: far past any limit, whatever the machine adds to both
            LaunchResult regression = launcher.launch("compare", fast.toString(), slow.toString());
            assertThat(regression.exitCode()).as(regression.getOutput() + regression.getErrorOutput())
                    .isEqualTo(1);
            assertThat(regression.getOutput()).contains("REGRESSION", "verdict: REGRESSION");
            assertThat(slow.resolve("compare.html")).isNotEmptyFile();
            // the other way round it is an improvement
            LaunchResult improvement = launcher.launch("compare", slow.toString(), fast.toString(), "--out",
                    tmp.resolve("improvement.html").toString());
            assertThat(improvement.exitCode()).as(improvement.getOutput()).isZero();
            assertThat(improvement.getOutput()).contains("verdict: no regression");
        }
    }

    @Test
    void aPassingRunExits0(QuarkusMainLauncher launcher) throws Exception {
        try (DemoTarget target = started(DemoTarget.Options.builder().build())) {
            Path plan = plan("passing", target, "rate: 20", "criteria: [\"error_rate < 1%\", \"p99 < 10s\"]");
            LaunchResult r = launcher.launch("run", plan.toString(), "--out", tmp.resolve("run").toString());
            assertThat(r.exitCode()).as(r.getOutput() + r.getErrorOutput()).isZero();
            assertThat(r.getOutput()).contains("verdict: PASSED");
        }
    }

    @Test
    void droppedArrivalsMakeTheRunInconclusiveAndExit4(QuarkusMainLauncher launcher) throws Exception {
        // one connection, no wait queue, 100 ms a request, 100 arrivals/s: about 9 in 10 arrivals find no room,
        // whatever the machine's speed (a faster one cannot serve more than 10 a second on one connection)
        try (DemoTarget target = started(DemoTarget.Options.builder()
                .latency(LatencyModel.fixed(Duration.ofMillis(100))).build())) {
            Path plan = plan("dropping", target, "rate: 100", "criteria: [\"error_rate < 1%\"]",
                    "max_connections: 1, max_queue: 0");
            Path out = tmp.resolve("run");
            LaunchResult r = launcher.launch("run", plan.toString(), "--out", out.toString());
            assertThat(r.exitCode()).as(r.getOutput() + r.getErrorOutput()).isEqualTo(4);
            assertThat(r.getOutput()).contains("verdict: INCONCLUSIVE", "dropped");
            assertThat(Files.readString(out.resolve("result.json"))).contains("\"verdict\" : \"INCONCLUSIVE\"");
        }
    }

    @Test
    void anInterruptedRunIsAbortedWithItsResultsAndExits3(QuarkusMainLauncher launcher) throws Exception {
        try (DemoTarget target = started(DemoTarget.Options.builder().build())) {
            Path plan = tmp.resolve("long.yaml");
            Files.writeString(plan, """
                    name: long
                    target: {url: "%s"}
                    scenarios: [{name: s, request: {path: /api/users}}]
                    phases: [{name: p, duration: 5m, rate: 100}]
                    %s
                    """.formatted(target.baseUrl(), TOLERANT));
            // Ctrl-C once the run is well under way: the runner's handler is installed right after the run
            // starts, more than a second of traffic before this fires
            CompletableFuture<Void> interrupt = CompletableFuture.runAsync(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (target.requestsReceived() < 150 && System.nanoTime() < deadline) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (target.requestsReceived() >= 150) {
                    Signal.raise(new Signal("INT"));
                }
            });
            Path out = tmp.resolve("run");
            LaunchResult r = launcher.launch("run", plan.toString(), "--out", out.toString());
            interrupt.get(10, TimeUnit.SECONDS);
            assertThat(r.exitCode()).as(r.getOutput() + r.getErrorOutput()).isEqualTo(3);
            assertThat(r.getOutput()).contains("verdict: ABORTED", "SIGINT");
            assertThat(Files.readString(out.resolve("result.json"))).contains("\"verdict\" : \"ABORTED\"");
        }
    }

    @Test
    void usageErrorsExit2WithoutAStackTrace(QuarkusMainLauncher launcher) {
        LaunchResult unknownOption = launcher.launch("run", "--no-such-option", "plan.yaml");
        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownOption.getErrorOutput()).contains("--no-such-option").doesNotContain("\tat ");

        LaunchResult noPlan = launcher.launch("run");
        assertThat(noPlan.exitCode()).isEqualTo(2);
        assertThat(noPlan.getErrorOutput()).contains("PLAN").doesNotContain("\tat ");

        LaunchResult unknownCommand = launcher.launch("fly");
        assertThat(unknownCommand.exitCode()).isEqualTo(2);
        assertThat(unknownCommand.getErrorOutput()).contains("fly").doesNotContain("\tat ");

        LaunchResult badLimits = launcher.launch("compare", tmp.toString(), tmp.toString(), "--max-regression",
                "p50=lots");
        assertThat(badLimits.exitCode()).isEqualTo(2);
        assertThat(badLimits.getErrorOutput()).contains("p50=lots");
    }

    private static DemoTarget started(DemoTarget.Options options) {
        DemoTarget target = new DemoTarget(options);
        target.start();
        return target;
    }

    /** A 3 s open-model plan against {@code target}; {@code targetExtra} goes into the target's map. */
    private Path plan(String name, DemoTarget target, String load, String criteria, String... targetExtra)
            throws Exception {
        String extra = targetExtra.length == 0 ? "" : ", " + String.join(", ", targetExtra);
        Path plan = tmp.resolve(name + ".yaml");
        Files.writeString(plan, """
                name: %s
                target: {url: "%s"%s}
                scenarios: [{name: s, request: {path: /api/users}}]
                phases: [{name: p, duration: 3s, %s}]
                %s
                %s
                """.formatted(name, target.baseUrl(), extra, load, criteria, TOLERANT));
        return plan;
    }
}
