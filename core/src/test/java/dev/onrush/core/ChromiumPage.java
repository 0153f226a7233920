package dev.onrush.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens an Onrush page in headless Chromium with the network off (proxy to a closed port) and reads the page's
 * own render check ({@code #render-check}: errors, charts drawn). Test support.
 */
public final class ChromiumPage {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private ChromiumPage() {
    }

    /** Whether Chromium is installed ({@code apt-get install -y chromium}; {@code .ci/run} does it). */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    /** The page's DOM after rendering, or null when Chromium is not installed. */
    public static String dom(Path page, Path work) throws Exception {
        if (!available()) {
            return null;
        }
        Path out = Files.createTempFile(work, "dom", ".html");
        run(page, work, out, "--dump-dom");
        return Files.readString(out);
    }

    /** Writes a screenshot of the page to {@code png} (when Chromium is installed). */
    public static void screenshot(Path page, Path png, Path work) throws Exception {
        if (available()) {
            Files.createDirectories(png.toAbsolutePath().getParent());
            run(page, work, Files.createTempFile(work, "shot", ".out"), "--screenshot=" + png.toAbsolutePath(),
                    "--hide-scrollbars");
        }
    }

    /** An attribute of {@code #render-check} in a dumped DOM. */
    public static String attribute(String dom, String name) {
        Matcher m = Pattern.compile("<div id=\"render-check\"[^>]*\\s" + name + "=\"([^\"]*)\"").matcher(dom);
        assertThat(m.find()).as("#render-check with " + name).isTrue();
        return m.group(1);
    }

    private static void run(Path page, Path work, Path out, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(work, "profile"),
                "--proxy-server=127.0.0.1:9", "--virtual-time-budget=5000", "--window-size=1366,2000"));
        cmd.addAll(List.of(extra));
        cmd.add(page.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(work.resolve("chromium.err").toFile()).start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    }
}
