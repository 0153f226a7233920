package dev.onrush.core.internal.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Renders a page in headless Chromium (network off) and reads the page's own render check. */
final class ReportInBrowser {

    private ReportInBrowser() {
    }

    /** The DOM after rendering, or null when {@code /usr/bin/chromium} is not installed. */
    static String dom(Path page, Path work) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(chromium)) {
            return null;
        }
        Path out = Files.createTempFile(work, "dom", ".html");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(work, "profile"),
                "--proxy-server=127.0.0.1:9", "--virtual-time-budget=5000", "--window-size=1366,2400",
                "--dump-dom", page.toUri().toString())
                .redirectOutput(out.toFile()).redirectError(work.resolve("chromium.err").toFile()).start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return Files.readString(out);
    }

    static String attribute(String dom, String name) {
        Matcher m = Pattern.compile("<div id=\"render-check\"[^>]*\\s" + name + "=\"([^\"]*)\"").matcher(dom);
        assertThat(m.find()).as("#render-check with " + name).isTrue();
        return m.group(1);
    }
}
