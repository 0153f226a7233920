package dev.onrush.core.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.onrush.core.sink.HtmlReport;
import dev.onrush.core.sink.ResultJson;
import dev.onrush.core.sink.RunFilesSink;
import dev.onrush.core.sink.RunFolder;
import dev.onrush.spi.RunResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The stored runs of a test over time, from a results folder ({@code onrush trend}). */
public final class RunTrend {

    /** The page's file name. */
    public static final String FILE = "trend.html";
    private static final String TEMPLATE = "/dev/onrush/core/compare/trend-template.html";

    private RunTrend() {
    }

    /**
     * One run's headline figures.
     *
     * @param testId           the run's id (its folder name)
     * @param name             the test's name
     * @param startedAt        when it started
     * @param verdict          its verdict
     * @param p95Ms            latency p95 from the intended start
     * @param p99Ms            latency p99
     * @param throughputRps    completed requests per second
     * @param errorRatePercent failed requests in percent
     */
    public record Point(String testId, String name, Instant startedAt, String verdict, double p95Ms, double p99Ms,
                        double throughputRps, double errorRatePercent) {
    }

    /**
     * The runs found in {@code resultsDir} (each sub-folder with a {@code result.json}), oldest first, only those
     * of test {@code name} when it is not null. Folders whose result cannot be read, and run folders without one
     * whose {@link dev.onrush.core.sink.RunStatus} says why (a run killed, still running, or whose files could not
     * be written), are listed in {@code skipped}, each as the folder or file and the reason.
     */
    public static List<Point> read(Path resultsDir, String name, List<String> skipped) throws IOException {
        List<Point> points = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(resultsDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path file = dir.resolve(RunFilesSink.RESULT_FILE);
                if (!Files.isRegularFile(file)) {
                    String unfinished = RunFolder.unfinished(dir);
                    if (unfinished != null) {
                        skipped.add(dir + ": " + unfinished + ", no " + RunFilesSink.RESULT_FILE);
                    }
                    continue;
                }
                try {
                    RunResult r = ResultJson.readResult(Files.readString(file));
                    if (name == null || name.equals(r.name())) {
                        points.add(new Point(r.testId(), r.name(), r.startedAt(), r.verdict().name(),
                                r.latencyMs().p95(), r.latencyMs().p99(), r.totals().throughputRps(),
                                r.totals().errorRatePercent()));
                    }
                } catch (IOException | RuntimeException e) {
                    skipped.add(file + ": " + e.getMessage());
                }
            }
        }
        points.sort(Comparator.comparing(Point::startedAt));
        return points;
    }

    /** The runs as a plain-text table. */
    public static String table(List<Point> points) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-20s %-34s %-12s %10s %10s %10s %8s%n",
                "started (UTC)", "run", "verdict", "p95 ms", "p99 ms", "rps", "err %"));
        for (Point p : points) {
            out.append(String.format(Locale.ROOT, "%-20s %-34s %-12s %10.2f %10.2f %10.1f %8.2f%n",
                    p.startedAt().toString().substring(0, 19).replace('T', ' '), p.testId(), p.verdict(), p.p95Ms(),
                    p.p99Ms(), p.throughputRps(), p.errorRatePercent()));
        }
        return out.toString();
    }

    /** Writes {@code trend.html} (a chart per metric over time) to {@code file} atomically. */
    public static void write(List<Point> points, String title, Path file) throws IOException {
        String json;
        try {
            json = ResultJson.mapper().writeValueAsString(points);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, HtmlReport.page(TEMPLATE, title, json), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
