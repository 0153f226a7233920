package dev.onrush.core.sink;

import dev.onrush.core.ChromiumPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens the report of the {@link ReportRun} in headless Chromium with the network unusable and reads the
 * page's own render check ({@code #render-check}) from the dumped DOM. Without a browser
 * ({@link ChromiumPage#require()}: {@code CHROMIUM} or the {@code PATH}) it is skipped, and fails in CI.
 */
class HtmlReportBrowserTest {

    private static final int CHARTS = 5;

    @TempDir
    Path tmp;

    @BeforeEach
    void needsChromium() {
        ChromiumPage.require();
    }

    @Test
    void everyChartRendersWithoutErrorsOffline() throws Exception {
        Path report = ReportRun.get().report();

        String dom = chromium(report, "--dump-dom");

        assertThat(attribute(dom, "data-done")).as("the page's check ran").isEqualTo("true");
        assertThat(attribute(dom, "data-errors")).as("errors on the page").isEmpty();
        assertThat(attribute(dom, "data-expected")).isEqualTo(String.valueOf(CHARTS));
        assertThat(attribute(dom, "data-charts")).as("charts with pixels").isEqualTo(String.valueOf(CHARTS));
        assertThat(dom).contains(ReportRun.get().result().testId(), "GET /api/users", "PASS", "FAIL", "steady");

        // for people: a picture of the page in the build output
        Path png = Path.of("target", "report.png").toAbsolutePath();
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        chromium(report, "--screenshot=" + png, "--window-size=1366,2400", "--hide-scrollbars");
        assertThat(png).isNotEmptyFile();
    }

    @Test
    void renderCheckReportsAPageThatFailed() throws Exception {
        // the same page with data its code cannot read: the check must say so, or the test above proves nothing
        String html = Files.readString(ReportRun.get().report());
        Path broken = tmp.resolve("broken.html");
        Files.writeString(broken, html.replaceFirst("(<script type=\"application/json\" id=\"onrush-data\">)[^<]*",
                "$1{}"));

        String dom = chromium(broken, "--dump-dom");

        assertThat(attribute(dom, "data-done")).isEqualTo("true");
        assertThat(attribute(dom, "data-errors")).isNotEmpty();
        assertThat(attribute(dom, "data-charts")).isEqualTo("0");
    }

    private String chromium(Path page, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ChromiumPage.require().toString(), "--headless", "--no-sandbox",
                "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--user-data-dir=" + Files.createTempDirectory(tmp, "profile"),
                // no name resolves and every connection goes to a closed port: the page must need no network
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
                "--virtual-time-budget=5000"));
        cmd.addAll(List.of(args));
        cmd.add(page.toUri().toString());
        Path out = tmp.resolve("chromium.out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(tmp.resolve("chromium.err").toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s");
        }
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("chromium.err"))).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String attribute(String dom, String name) {
        Matcher m = Pattern.compile("<div id=\"render-check\"[^>]*\\s" + name + "=\"([^\"]*)\"").matcher(dom);
        assertThat(m.find()).as("#render-check with " + name + " in the dumped DOM").isTrue();
        return m.group(1);
    }
}
