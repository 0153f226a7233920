package dev.onrush.core;

import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.PluginSpec;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.sink.ResultSinkProvider;
import dev.onrush.testkit.DemoTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A sink compiled at test time against the SPI alone, packed into a jar and loaded from a plugins folder. */
class PluginsDirRunTest {

    private static final String SOURCE = """
            package example;

            import dev.onrush.spi.ConfigKey;
            import dev.onrush.spi.PluginConfig;
            import dev.onrush.spi.RunResult;
            import dev.onrush.spi.sink.ResultSink;
            import dev.onrush.spi.sink.ResultSinkProvider;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.List;
                        import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.CompletionStage;

            public final class MarkerSinkProvider implements ResultSinkProvider {
                public String id() {
                    return "marker";
                }

                public List<ConfigKey> configKeys() {
                    return List.of(ConfigKey.required("file", ConfigKey.Type.STRING, "where to write"));
                }

                public ResultSink create(PluginConfig config) {
                    Path file = Path.of(config.string("file"));
                    return new ResultSink() {
                        public CompletionStage<Void> onComplete(RunResult result) {
                            try {
                                Files.writeString(file, result.testId() + " " + result.totals().requests());
                                return CompletableFuture.completedFuture(null);
                            } catch (Exception e) {
                                return CompletableFuture.failedFuture(e);
                            }
                        }
                    };
                }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void aSinkJarInThePluginsFolderIsCalledByARun() throws Exception {
        Path plugins = Files.createDirectory(tmp.resolve("plugins"));
        buildPluginJar(plugins.resolve("marker-sink.jar"));
        Path marker = tmp.resolve("marker.txt");
        try (DemoTarget target = new DemoTarget(DemoTarget.Options.builder().build())) {
            target.start();
            LoadTest test = LoadTest.builder("plugin-dir").target(target.baseUrl())
                    .scenario(Scenario.of("get", 1, Step.Request.of("GET", "/api/users"), Duration.ZERO))
                    .phase("steady", Duration.ofSeconds(1), LoadShape.rate(50, 50))
                    .sink(new PluginSpec("marker", Map.of("file", marker.toString()))).build();
            Onrush onrush = Onrush.builder().eventLoops(1).resultsRoot(tmp.resolve("results"))
                    .pluginsDir(plugins).build();

            assertThat(onrush.sinkIds()).contains("marker", "console", "json", "hdr-log");
            RunResult result = onrush.run(test);

            assertThat(marker).hasContent(result.testId() + " " + result.totals().requests());
            assertThat(result.totals().requests()).isPositive();
        }
    }

    @Test
    void withoutThePluginsFolderThePlanIsRefusedNamingTheKnownIds() {
        LoadTest test = LoadTest.builder("no-plugin").target("http://127.0.0.1:9")
                .scenario(Scenario.of("get", 1, Step.Request.of("GET", "/"), Duration.ZERO))
                .phase("steady", Duration.ofSeconds(1), LoadShape.rate(1, 1))
                .sink(PluginSpec.of("marker")).build();
        Path results = tmp.resolve("results");
        assertThatThrownBy(() -> Onrush.builder().resultsRoot(results).build().run(test))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("unknown sink \"marker\"; known: console, hdr-log, json");
        assertThat(results).doesNotExist();
    }

    private void buildPluginJar(Path jar) throws IOException, URISyntaxException {
        Path src = Files.createDirectories(tmp.resolve("src/example"));
        Files.writeString(src.resolve("MarkerSinkProvider.java"), SOURCE);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        Path spi = Path.of(ResultSinkProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "--release", "17", "-cp", spi.toString(), "-d", classes.toString(),
                src.resolve("MarkerSinkProvider.java").toString());
        assertThat(rc).as("javac exit code").isZero();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    put(out, classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                }
            }
            put(out, "META-INF/services/" + ResultSinkProvider.class.getName(),
                    "example.MarkerSinkProvider\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void put(JarOutputStream j, String name, byte[] bytes) throws IOException {
        j.putNextEntry(new JarEntry(name));
        j.write(bytes);
        j.closeEntry();
    }
}
