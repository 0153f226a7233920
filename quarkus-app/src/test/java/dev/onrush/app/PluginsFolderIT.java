package dev.onrush.app;

import dev.onrush.demo.DemoTarget;
import dev.onrush.testkit.SamplePluginJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged runner loads a third-party sink from {@code --plugins DIR} and calls it. */
class PluginsFolderIT {

    @TempDir
    Path tmp;

    @Test
    void aSinkJarInThePluginsFolderIsCalledByTheRunner() throws Exception {
        Path plugins = Files.createDirectory(tmp.resolve("plugins"));
        SamplePluginJar.write(plugins.resolve("marker-sink.jar"), tmp);
        Path marker = tmp.resolve("marker.txt");
        try (DemoTarget target = new DemoTarget(DemoTarget.Options.builder().build())) {
            target.start();
            Path plan = tmp.resolve("plan.yaml");
            Files.writeString(plan, """
                    name: plugged
                    target: {url: "%s"}
                    scenarios: [{name: s, request: {path: /api/users}}]
                    phases: [{name: p, duration: 2s, rate: 20}]
                    sinks: [{id: %s, file: "%s"}]
                    """.formatted(target.baseUrl(), SamplePluginJar.SINK_ID, marker));
            Path log = tmp.resolve("log.txt");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    System.getProperty("onrush.jar"), "run", plan.toString(), "--plugins", plugins.toString(),
                    "--out", tmp.resolve("run").toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(log)).isZero();
            assertThat(Files.readString(marker)).startsWith("run ").matches("run \\d+");
        }
    }
}
