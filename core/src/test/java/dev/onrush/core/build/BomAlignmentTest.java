package dev.onrush.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.PackageVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * onrush-bom has no parent (so users do not inherit the Quarkus BOM), so its versions are written out by hand:
 * this test holds them to the versions core is actually built and tested with, as resolved through the parent.
 */
class BomAlignmentTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void bomPinsTheVersionsCoreIsBuiltWith() throws IOException {
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        String parent = Files.readString(ROOT.resolve("pom.xml"));

        assertThat(property(bom, "jackson.version")).isEqualTo(PackageVersion.VERSION.toString());
        assertThat(property(bom, "netty.version"))
                .isEqualTo(io.netty.util.Version.identify().get("netty-common").artifactVersion());
        assertThat(property(bom, "vertx.version")).isEqualTo(vertxVersion());
        assertThat(property(bom, "hdrhistogram.version")).isEqualTo(property(parent, "hdrhistogram.version"));
        assertThat(property(bom, "awssdk.version")).isEqualTo(property(parent, "awssdk.version"));
        assertThat(versionOf(bom)).isEqualTo(versionOf(parent));
    }

    @Test
    void bomListsEveryPublishedModule() throws IOException {
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
        while (modules.find()) {
            String module = modules.group(1);
            // Not published for users: the BOM itself, the benchmarks, the runner application and the consumer
            // projects that test the published artifacts.
            if (Set.of("bom", "bench", "quarkus-app", "it").contains(module)) {
                continue;
            }
            String artifact = artifactIdOf(Files.readString(ROOT.resolve(module).resolve("pom.xml")));
            assertThat(bom).as("onrush-bom lists module %s", module).contains("<artifactId>" + artifact + "<");
        }
    }

    private static String vertxVersion() throws IOException {
        try (InputStream in = io.vertx.core.Vertx.class.getResourceAsStream("/META-INF/vertx/vertx-version.txt")) {
            assertThat(in).as("vertx-core's version resource").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(m.find()).as("property %s", name).isTrue();
        return m.group(1).trim();
    }

    /** The project's own version: the first {@code <version>} after its artifactId (skipping the parent block). */
    private static String versionOf(String pom) {
        String body = pom.replaceAll("(?s)<parent>.*?</parent>", "");
        Matcher m = Pattern.compile("(?s)<artifactId>[^<]+</artifactId>\\s*<version>([^<]+)</version>").matcher(body);
        assertThat(m.find()).isTrue();
        return m.group(1).trim();
    }

    private static String artifactIdOf(String pom) {
        String body = pom.replaceAll("(?s)<parent>.*?</parent>", "");
        Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(body);
        assertThat(m.find()).isTrue();
        return m.group(1).trim();
    }
}
