package dev.onrush.app;

import dev.onrush.demo.DemoTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged runner as a process: SIGTERM or SIGHUP in the middle of a run stops it cleanly, keeps the results so
 * far with verdict ABORTED and exits 3; a SIGKILLed run leaves a folder that reads as killed, and a second run
 * into a folder a run holds is refused. Every process started here is destroyed at the end of its test.
 */
class LauncherSignalIT {

    private static DemoTarget target;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startTarget() {
        target = new DemoTarget(DemoTarget.Options.builder().build());
        target.start();
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "HUP"})
    void aSignalAbortsCleanlyWithResultsAndExit3(String signal) throws Exception {
        Path out = tmp.resolve("run");
        Process p = startLongRun(out, "log.txt");
        try {
            awaitRequests(p, 200);
            signal(p, signal);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(log("log.txt")).isTrue();
            assertThat(p.exitValue()).as(log("log.txt")).isEqualTo(3);
            String result = Files.readString(out.resolve("result.json"));
            assertThat(result).contains("\"verdict\" : \"ABORTED\"", "SIG" + signal);
            assertThat(log("log.txt")).contains("verdict: ABORTED");
            assertThat(Files.readString(out.resolve("run-status.json"))).contains("complete");
        } finally {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aKilledRunReadsAsKilledAndItsHeldFolderRefusesASecondRun() throws Exception {
        Path out = tmp.resolve("run");
        Process first = startLongRun(out, "first.txt");
        try {
            awaitRequests(first, 100);
            // while it runs, the folder is its own: a second runner into it is refused before any load
            Process second = startLongRun(out, "second.txt", "--force");
            try {
                assertThat(second.waitFor(60, TimeUnit.SECONDS)).as(log("second.txt")).isTrue();
                assertThat(second.exitValue()).as(log("second.txt")).isEqualTo(2);
                assertThat(log("second.txt")).contains(out.toString()).doesNotContain("\tat ");
            } finally {
                second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            signal(first, "KILL");
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Process report = new ProcessBuilder(javaBin(), "-jar", System.getProperty("onrush.jar"), "trend",
                tmp.toString(), "--out", tmp.resolve("trend.html").toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("trend.txt").toFile()).start();
        try {
            assertThat(report.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(log("trend.txt")).contains("run", "incomplete (killed");
        } finally {
            report.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process startLongRun(Path out, String log, String... extra) throws IOException {
        Path plan = tmp.resolve("long.yaml");
        Files.writeString(plan, """
                name: long
                target: {url: "%s"}
                scenarios: [{name: s, request: {path: /api/users}}]
                phases: [{name: p, duration: 5m, rate: 100}]
                """.formatted(target.baseUrl()));
        var cmd = new java.util.ArrayList<>(java.util.List.of(javaBin(), "-jar", System.getProperty("onrush.jar"),
                "run", plan.toString(), "--out", out.toString()));
        cmd.addAll(java.util.List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve(log).toFile()).start();
    }

    private void awaitRequests(Process p, long atLeast) throws Exception {
        long start = target.requestsReceived();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (target.requestsReceived() - start < atLeast && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(50);
        }
        assertThat(target.requestsReceived() - start).as(log("log.txt")).isGreaterThanOrEqualTo(atLeast);
    }

    /** Sends {@code signal} to {@code p} (a process this test started) with kill(1). */
    private static void signal(Process p, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    private String log(String name) throws IOException {
        Path log = tmp.resolve(name);
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
