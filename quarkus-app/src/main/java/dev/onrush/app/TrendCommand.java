package dev.onrush.app;

import dev.onrush.core.compare.RunTrend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code onrush trend RESULTS_DIR [--name TEST]}: a test's stored runs over time. */
@Command(name = "trend", mixinStandardHelpOptions = true,
        description = "List the runs stored in RESULTS_DIR (oldest first) with p95, p99, throughput and error "
                + "rate, and write trend.html with a chart per metric.")
public class TrendCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RESULTS_DIR", defaultValue = "onrush-results",
            description = "Folder holding run folders (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--name", paramLabel = "TEST", description = "Only the runs of this test name.")
    String name;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the page (default: "
            + "RESULTS_DIR/trend.html).")
    Path out;

    @Override
    public Integer call() {
        if (!Files.isDirectory(results)) {
            System.err.println("onrush trend: " + results + " is not a folder");
            return ExitCodes.USAGE;
        }
        List<String> skipped = new ArrayList<>();
        List<RunTrend.Point> points;
        try {
            points = RunTrend.read(results, name, skipped);
        } catch (IOException e) {
            System.err.println("onrush trend: cannot list " + results + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        skipped.forEach(s -> System.err.println("onrush trend: skipped unreadable " + s));
        if (points.isEmpty()) {
            System.err.println("onrush trend: no runs" + (name == null ? "" : " of test \"" + name + "\"") + " in "
                    + results);
            return ExitCodes.USAGE;
        }
        System.out.print(RunTrend.table(points));
        Path page = out != null ? out : results.resolve(RunTrend.FILE);
        try {
            RunTrend.write(points, name != null ? name : results.getFileName().toString(), page);
        } catch (IOException e) {
            System.err.println("onrush trend: cannot write " + page + ": " + e.getMessage());
            return ExitCodes.ERROR;
        }
        System.out.println("trend: " + page.toAbsolutePath().normalize());
        return ExitCodes.PASSED;
    }
}
