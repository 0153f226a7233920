package dev.onrush.app.serve;

import dev.onrush.core.model.LoadTest;
import dev.onrush.core.sink.HtmlReport;
import dev.onrush.spi.RunResult;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In JVM mode, checks what a native image would need: every record and enum of the SPI and of the plan model, and
 * every ServiceLoader provider on the classpath, is in {@link NativeRegistrations}; every resource core reads (and
 * the example plans) matches {@code quarkus.native.resources.includes}.
 */
class NativeRegistrationsTest {

    private static final RegisterForReflection REGISTERED =
            NativeRegistrations.class.getAnnotation(RegisterForReflection.class);

    private static Set<String> registered() {
        Set<String> names = new HashSet<>(Arrays.asList(REGISTERED.classNames()));
        Arrays.stream(REGISTERED.targets()).map(Class::getName).forEach(names::add);
        return names;
    }

    /** Paths of the files under {@code packageDir} in the jar or folder {@code anchor} was loaded from. */
    private static List<String> filesBeside(Class<?> anchor, String packageDir) throws IOException, URISyntaxException {
        Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(root)) {
            return walk(root, root.resolve(packageDir));
        }
        try (FileSystem jar = FileSystems.newFileSystem(root)) {
            return walk(jar.getPath("/"), jar.getPath("/", packageDir));
        }
    }

    private static List<String> walk(Path root, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
        }
    }

    private static List<Class<?>> recordsAndEnums(Class<?> anchor, String packageName) throws Exception {
        List<Class<?>> out = new ArrayList<>();
        for (String f : filesBeside(anchor, packageName.replace('.', '/'))) {
            if (!f.endsWith(".class") || f.endsWith("package-info.class")) {
                continue;
            }
            String name = f.substring(0, f.length() - ".class".length()).replace('/', '.');
            if (!name.substring(packageName.length() + 1).contains(".")) { // this package, not sub-packages
                Class<?> c = Class.forName(name, false, anchor.getClassLoader());
                if (Modifier.isPublic(c.getModifiers()) && (c.isRecord() || c.isEnum())) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    @Test
    void everySpiAndModelRecordAndEnumIsRegistered() throws Exception {
        List<Class<?>> data = new ArrayList<>(recordsAndEnums(RunResult.class, "dev.onrush.spi"));
        data.addAll(recordsAndEnums(LoadTest.class, "dev.onrush.core.model"));
        assertThat(data).extracting(Class::getName).contains("dev.onrush.spi.RunResult",
                "dev.onrush.spi.RunResult$EngineInfo", "dev.onrush.core.model.Step$Request");
        assertThat(registered()).containsAll(data.stream().map(Class::getName).toList());
    }

    @Test
    void jacksonMixInsAndTheServicesJsonTypesAreRegistered() throws Exception {
        for (String name : REGISTERED.classNames()) {
            assertThat(Class.forName(name, false, getClass().getClassLoader())).as(name).isNotNull();
        }
        assertThat(registered()).contains("dev.onrush.core.sink.ResultJson$RunResultMixin",
                "dev.onrush.core.sink.ResultJson$IntervalMixin", Schedule.class.getName(),
                SchedulesResource.NewSchedule.class.getName());
    }

    @Test
    void everyServiceLoaderProviderOnTheClasspathIsRegistered() throws Exception {
        Set<String> providers = new HashSet<>();
        for (String service : List.of("dev.onrush.spi.sink.ResultSinkProvider", "dev.onrush.spi.probe.ProbeProvider")) {
            for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/services/" + service))) {
                try (InputStream in = url.openStream();
                     BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    r.lines().map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty())
                            .forEach(providers::add);
                }
            }
        }
        assertThat(providers).hasSizeGreaterThanOrEqualTo(9).contains("dev.onrush.sink.dynamodb.DynamoDbSinkProvider");
        assertThat(registered()).containsAll(providers);
    }

    @Test
    void everyResourceCoreReadsAndTheExamplesAreIncludedInTheNativeImage() throws Exception {
        Properties p = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            p.load(in);
        }
        assertThat(p.getProperty("quarkus.native.auto-service-loader-registration")).isEqualTo("true");
        List<Pattern> includes = Arrays.stream(p.getProperty("quarkus.native.resources.includes").split(","))
                .map(String::trim).map(NativeRegistrationsTest::glob).toList();

        List<String> needed = new ArrayList<>();
        for (String dir : List.of("dev/onrush/core", "META-INF/services")) {
            filesBeside(HtmlReport.class, dir).stream().filter(f -> !f.endsWith(".class")).forEach(needed::add);
        }
        needed.addAll(List.of("examples/demo.yaml", "META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.iife.min.js",
                "META-INF/services/dev.onrush.spi.probe.ProbeProvider"));
        assertThat(needed).contains("dev/onrush/core/sink/report-template.html",
                "dev/onrush/core/compare/trend-template.html");
        for (String resource : needed) {
            assertThat(getClass().getClassLoader().getResource(resource)).as(resource + " on the classpath").isNotNull();
            assertThat(includes).as(resource + " in quarkus.native.resources.includes")
                    .anyMatch(g -> g.matcher(resource).matches());
        }
    }

    /** A Quarkus include glob: {@code **} any path, {@code *} within one folder. */
    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
