package dev.onrush.app;

import dev.onrush.core.sink.HtmlReport;
import dev.onrush.core.sink.HtmlReportSink;
import dev.onrush.core.sink.RunFolder;
import dev.onrush.spi.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code onrush report RUN_DIR}: rewrites a run folder's {@code report.html} from its saved files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rewrite RUN_DIR/report.html from the run's result.json, intervals.jsonl and latency.hlog.")
public class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder written by run or demo.")
    Path dir;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            System.err.println("onrush report: " + dir + " is not a folder");
            return ExitCodes.USAGE;
        }
        RunResult result;
        try {
            result = RunFolder.read(dir);
        } catch (NoSuchFileException e) {
            System.err.println("onrush report: missing " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            System.err.println("onrush report: corrupt run folder: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Path report = dir.resolve(HtmlReportSink.REPORT_FILE);
        try {
            HtmlReport.write(result, report);
        } catch (IOException e) {
            System.err.println("onrush report: cannot write " + report + ": " + e.getMessage());
            return ExitCodes.ERROR;
        }
        System.out.println("report: " + report.toAbsolutePath().normalize());
        return ExitCodes.PASSED;
    }
}
