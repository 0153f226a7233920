package dev.onrush.app;

import dev.onrush.core.compare.CompareReport;
import dev.onrush.core.compare.RegressionLimits;
import dev.onrush.core.compare.RunComparison;
import dev.onrush.core.sink.RunFolder;
import dev.onrush.spi.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code onrush compare BASELINE CANDIDATE}: the performance-regression gate. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare a candidate run with a baseline run (whole-run latency distribution, and each "
                + "request), print the figures and write compare.html.",
                "Exit 0: no regression; 1: a figure went past its limit; 2: unreadable input."})
public class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BASELINE_RUN", description = "The baseline's run folder.")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CANDIDATE_RUN", description = "The candidate's run folder.")
    Path candidate;

    @Option(names = "--max-regression", paramLabel = "LIMITS",
            description = "Limits, e.g. p95=10%,p99=20%,error_rate=0.5pp,throughput=10%,min_ms=1 (defaults: "
                    + "p50/p90/p95 15%, p99 25%, error_rate 0.5pp, throughput drop 10%, min_ms 1).")
    String limits;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the page (default: "
            + "CANDIDATE_RUN/compare.html).")
    Path out;

    @Override
    public Integer call() {
        RegressionLimits parsed;
        try {
            parsed = RegressionLimits.parse(limits);
        } catch (IllegalArgumentException e) {
            System.err.println("onrush compare: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        RunResult base = read(baseline);
        RunResult cand = read(candidate);
        if (base == null || cand == null) {
            return ExitCodes.USAGE;
        }
        RunComparison.Result result = RunComparison.compare(base, cand, parsed);
        System.out.print(RunComparison.table(result));
        Path page = out != null ? out : candidate.resolve(CompareReport.FILE);
        try {
            CompareReport.write(result, page);
            System.out.println("compare: " + page.toAbsolutePath().normalize());
        } catch (IOException e) {
            System.err.println("onrush compare: cannot write " + page + ": " + e.getMessage());
            return ExitCodes.ERROR;
        }
        return result.regressed() ? ExitCodes.FAILED : ExitCodes.PASSED;
    }

    private static RunResult read(Path dir) {
        try {
            return RunFolder.read(dir);
        } catch (NoSuchFileException e) {
            System.err.println("onrush compare: missing " + e.getMessage());
        } catch (IOException e) {
            System.err.println("onrush compare: cannot read " + dir + ": " + e.getMessage());
        }
        return null;
    }
}
