package dev.onrush.app;

import dev.onrush.core.Onrush;
import dev.onrush.core.compare.RunTrend;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.PluginSpec;
import dev.onrush.core.plan.PlanException;
import dev.onrush.sink.dynamodb.DynamoDbResultsReader;
import dev.onrush.sink.dynamodb.DynamoDbSinkProvider;
import dev.onrush.sink.dynamodb.ResultsReadException;
import dev.onrush.sink.dynamodb.StoredRun;
import dev.onrush.spi.PluginConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code onrush trend [RESULTS_DIR] [--name TEST] [--plan PLAN]}: a test's stored runs over time. */
@Command(name = "trend", mixinStandardHelpOptions = true,
        description = "List the runs stored in RESULTS_DIR and, with --plan, in the plan's dynamodb results table "
                + "(oldest first) with p95, p99, throughput and error rate, and write trend.html with a chart per "
                + "metric.")
public class TrendCommand implements Callable<Integer> {

    private static final Path DEFAULT_RESULTS = Path.of("onrush-results");

    @Parameters(index = "0", arity = "0..1", paramLabel = "RESULTS_DIR",
            description = "Folder holding run folders (default: onrush-results; none with --plan).")
    Path results;

    @Option(names = "--name", paramLabel = "TEST", description = "Only the runs of this test name (default with "
            + "--plan: the plan's name).")
    String name;

    @Option(names = "--plan", paramLabel = "PLAN", description = "Also read the results table of the plan's "
            + "dynamodb sink; the plan's name is the default --name.")
    Path plan;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the page (default: "
            + "RESULTS_DIR/trend.html, or ./trend.html without RESULTS_DIR).")
    Path out;

    @Override
    public Integer call() {
        List<PluginSpec> tables = List.of();
        if (plan != null) {
            LoadTest test;
            try {
                test = Onrush.builder().build().planParser().parse(plan);
            } catch (PlanException | IllegalArgumentException e) {
                System.err.println("onrush trend: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            name = name != null ? name : test.name();
            tables = test.sinks().stream().filter(s -> DynamoDbSinkProvider.ID.equals(s.id())).toList();
        }
        Path dir = results != null ? results : plan == null ? DEFAULT_RESULTS : null;
        Map<String, RunTrend.Point> runs = new LinkedHashMap<>();
        if (dir != null) {
            Integer failed = readLocal(dir, runs);
            if (failed != null) {
                return failed;
            }
        }
        boolean unreachable = false;
        for (PluginSpec table : tables) {
            unreachable |= !readTable(table, runs);
        }
        List<RunTrend.Point> points = runs.values().stream().sorted(Comparator.comparing(RunTrend.Point::startedAt))
                .toList();
        if (points.isEmpty()) {
            System.err.println("onrush trend: no runs" + (name == null ? "" : " of test \"" + name + "\"")
                    + (dir == null ? "" : " in " + dir) + (tables.isEmpty() ? "" : " or its DynamoDB table"));
            return unreachable ? ExitCodes.ERROR : ExitCodes.USAGE;
        }
        System.out.print(RunTrend.table(points));
        Path page = out != null ? out : dir != null ? dir.resolve(RunTrend.FILE) : Path.of(RunTrend.FILE);
        try {
            RunTrend.write(points, name != null ? name : dir.getFileName().toString(), page);
        } catch (IOException e) {
            System.err.println("onrush trend: cannot write " + page + ": " + e.getMessage());
            return ExitCodes.ERROR;
        }
        System.out.println("trend: " + page.toAbsolutePath().normalize());
        return unreachable ? ExitCodes.ERROR : ExitCodes.PASSED;
    }

    /** Adds the runs of {@code dir}; returns the exit code when it cannot be read, else {@code null}. */
    private Integer readLocal(Path dir, Map<String, RunTrend.Point> runs) {
        if (!Files.isDirectory(dir)) {
            System.err.println("onrush trend: " + dir + " is not a folder");
            return ExitCodes.USAGE;
        }
        List<String> skipped = new ArrayList<>();
        try {
            RunTrend.read(dir, name, skipped).forEach(p -> runs.put(p.testId(), p));
        } catch (IOException e) {
            System.err.println("onrush trend: cannot list " + dir + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        skipped.forEach(s -> System.err.println("onrush trend: left out " + s));
        return null;
    }

    /** Adds the runs of the sink entry's results table that are not there yet; false when it cannot be read. */
    private boolean readTable(PluginSpec sink, Map<String, RunTrend.Point> runs) {
        try (DynamoDbResultsReader reader = DynamoDbResultsReader.create(PluginConfig.of(sink.id(), sink.settings()))) {
            reader.runsOf(name).forEach(r -> runs.putIfAbsent(r.testId(), point(r)));
            return true;
        } catch (ResultsReadException | IllegalArgumentException e) {
            System.err.println("onrush trend: cannot read the DynamoDB results table: " + e.getMessage());
            return false;
        }
    }

    private static RunTrend.Point point(StoredRun r) {
        return new RunTrend.Point(r.testId(), r.testName(), r.startedAt(), r.verdict(), r.p95Ms(), r.p99Ms(),
                r.throughputRps(), r.errorRatePercent());
    }
}
