package dev.onrush.app;

import dev.onrush.demo.DemoTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged runner as a process: SIGTERM in the middle of a run stops it cleanly, keeps the results so far
 * with verdict ABORTED and exits 3.
 */
class LauncherSignalIT {

    @TempDir
    Path tmp;

    @Test
    void sigtermAbortsCleanlyWithResultsAndExit3() throws Exception {
        try (DemoTarget target = new DemoTarget(DemoTarget.Options.builder().build())) {
            target.start();
            Path plan = tmp.resolve("long.yaml");
            Files.writeString(plan, """
                    name: long
                    target: {url: "%s"}
                    scenarios: [{name: s, request: {path: /api/users}}]
                    phases: [{name: p, duration: 5m, rate: 100}]
                    """.formatted(target.baseUrl()));
            Path out = tmp.resolve("run");
            Process p = new ProcessBuilder(javaBin(), "-jar", System.getProperty("onrush.jar"), "run",
                    plan.toString(), "--out", out.toString())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (target.requestsReceived() < 200 && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(50);
            }
            assertThat(target.requestsReceived()).as(log()).isGreaterThanOrEqualTo(200);
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(log()).isTrue();
            assertThat(p.exitValue()).as(log()).isEqualTo(3);
            String result = Files.readString(out.resolve("result.json"));
            assertThat(result).contains("\"verdict\" : \"ABORTED\"", "SIGTERM");
            assertThat(log()).contains("verdict: ABORTED");
        }
    }

    private String log() throws IOException {
        Path log = tmp.resolve("log.txt");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
