package dev.onrush.core;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens an Onrush page in headless Chromium with the network off (proxy to a closed port) and reads the page's
 * own render check ({@code #render-check}: errors, charts drawn). Test support, and the one place that finds the
 * browser: the {@code CHROMIUM} environment variable, else {@code chromium}, {@code chromium-browser} or
 * {@code google-chrome} on the {@code PATH}. Without one a browser check is skipped (a recorded JUnit skip)
 * locally and fails in CI ({@code CI=true}, which {@code .ci/run} sets).
 */
public final class ChromiumPage {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    private ChromiumPage() {
    }

    /** The browser's executable, if one is installed (see the class doc for where it is looked for). */
    public static Optional<Path> find() {
        return find(System.getenv("CHROMIUM"), System.getenv("PATH"));
    }

    /** {@link #find()} with the environment given: {@code chromiumVar} wins when set, else the first on the path. */
    static Optional<Path> find(String chromiumVar, String path) {
        if (chromiumVar != null && !chromiumVar.isBlank()) {
            Path given = Path.of(chromiumVar);
            return Files.isExecutable(given) ? Optional.of(given) : Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The browser, for a test that needs it: without one the test is aborted (reported as skipped, with how to
     * install it), or fails when the {@code CI} environment variable is {@code true}.
     */
    public static Path require() {
        Optional<Path> found = find();
        if (found.isPresent()) {
            return found.get();
        }
        String missing = "no Chromium: set CHROMIUM to its executable or put chromium, chromium-browser or "
                + "google-chrome on the PATH (apt-get install -y chromium)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(missing + "; CI=true, so the browser checks must run");
        }
        Assumptions.abort(missing);
        throw new AssertionError("unreachable");
    }

    /** The page's DOM after rendering (needs the browser: {@link #require()}). */
    public static String dom(Path page, Path work) throws Exception {
        Path out = Files.createTempFile(work, "dom", ".html");
        run(page, work, out, "--dump-dom");
        return Files.readString(out);
    }

    /** Writes a screenshot of the page to {@code png} (needs the browser: {@link #require()}). */
    public static void screenshot(Path page, Path png, Path work) throws Exception {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run(page, work, Files.createTempFile(work, "shot", ".out"), "--screenshot=" + png.toAbsolutePath(),
                "--hide-scrollbars");
    }

    /** An attribute of {@code #render-check} in a dumped DOM. */
    public static String attribute(String dom, String name) {
        Matcher m = Pattern.compile("<div id=\"render-check\"[^>]*\\s" + name + "=\"([^\"]*)\"").matcher(dom);
        assertThat(m.find()).as("#render-check with " + name).isTrue();
        return m.group(1);
    }

    private static void run(Path page, Path work, Path out, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(require().toString(), "--headless", "--no-sandbox", "--disable-gpu",
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
