package dev.onrush.core.sink;

import dev.onrush.spi.RunResult;
import dev.onrush.spi.sink.ResultSink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Writes {@code report.html} (see {@link HtmlReport}) into the run folder when the run completes. Needs nothing
 * before: the result carries its intervals and their histograms.
 *
 * <p>An I/O failure fails the returned stage; nothing else is affected.
 */
public final class HtmlReportSink implements ResultSink {

    /** Name of the report file in a run folder. */
    public static final String REPORT_FILE = "report.html";

    private final Path dir;

    /** @param dir the run folder (created if missing) */
    public HtmlReportSink(Path dir) {
        this.dir = dir;
    }

    @Override
    public CompletionStage<Void> onComplete(RunResult result) {
        try {
            Files.createDirectories(dir);
            HtmlReport.write(result, dir.resolve(REPORT_FILE));
            return CompletableFuture.completedFuture(null);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
