package dev.onrush.app;

import dev.onrush.demo.DemoTarget;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --out} is checked before any load: a folder that cannot hold a run is a usage error (exit 2). */
@QuarkusMainTest
class OutFolderCliTest {

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

    private Path plan() throws Exception {
        Path plan = tmp.resolve("short.yaml");
        Files.writeString(plan, """
                name: short
                target: {url: "%s"}
                scenarios: [{name: s, request: {path: /api/users}}]
                phases: [{name: p, duration: 1s, rate: 20}]
                """.formatted(target.baseUrl()));
        return plan;
    }

    private LaunchResult refused(QuarkusMainLauncher launcher, String out, String... expected) throws Exception {
        long before = target.requestsReceived();
        LaunchResult r = launcher.launch("run", plan().toString(), "--out", out);
        assertThat(r.exitCode()).as(r.getErrorOutput()).isEqualTo(2);
        assertThat(r.getErrorOutput()).contains(expected).doesNotContain("\tat ", "Exception");
        assertThat(target.requestsReceived()).as("no load before the folder is checked").isEqualTo(before);
        return r;
    }

    @Test
    void anEmptyOutIsRefused(QuarkusMainLauncher launcher) throws Exception {
        refused(launcher, "", "--out is empty");
    }

    @Test
    void aFileOrDevNullIsRefused(QuarkusMainLauncher launcher) throws Exception {
        Path file = Files.writeString(tmp.resolve("file.txt"), "x");
        refused(launcher, file.toString(), file.toString());
        refused(launcher, "/dev/null", "/dev/null");
    }

    @Test
    void anUnwritableFolderIsRefused(QuarkusMainLauncher launcher) throws Exception {
        refused(launcher, "/proc", "/proc");
        refused(launcher, "/proc/1/x", "/proc/1/x");
    }

    @Test
    void aFolderWithFilesIsRefusedUnlessForced(QuarkusMainLauncher launcher) throws Exception {
        Path out = tmp.resolve("run");
        assertThat(launcher.launch("run", plan().toString(), "--out", out.toString()).exitCode()).isIn(0, 4);
        assertThat(out.resolve("result.json")).exists();

        refused(launcher, out.toString(), "is not empty", "--force");

        LaunchResult forced = launcher.launch("run", plan().toString(), "--out", out.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.getErrorOutput()).isIn(0, 4);
        assertThat(Files.readString(out.resolve("run-status.json"))).contains("complete");
    }
}
