package dev.onrush.testkit;

import dev.onrush.spi.sink.ResultSinkProvider;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A third-party sink plugin made at test time: {@code MarkerSinkProvider} (id {@code marker}, one setting
 * {@code file}: at the end of a run it writes {@code "<test id> <requests>"} there), compiled against the SPI alone
 * with the JDK's compiler and packed with its {@code META-INF/services} entry into a jar, ready for a plugins
 * folder. Needs a JDK (not a JRE) at test time.
 */
public final class SamplePluginJar {

    /** The sample sink's id. */
    public static final String SINK_ID = "marker";

    static final String SOURCE = """
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

    private SamplePluginJar() {
    }

    /** Writes the plugin jar to {@code jar}, compiling in {@code work}. */
    public static void write(Path jar, Path work) throws IOException {
        Path src = Files.createDirectories(work.resolve("src/example"));
        Files.writeString(src.resolve("MarkerSinkProvider.java"), SOURCE);
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path spi;
        try {
            spi = Path.of(ResultSinkProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler: run the tests on a JDK");
        }
        int rc = javac.run(null, null, null, "--release", "17", "-cp", spi.toString(), "-d", classes.toString(),
                src.resolve("MarkerSinkProvider.java").toString());
        if (rc != 0) {
            throw new IllegalStateException("javac failed with exit code " + rc);
        }
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
