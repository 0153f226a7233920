package dev.onrush.core.sink;

import dev.onrush.core.internal.metrics.Histograms;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.sink.ResultSink;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Writes the run folder: {@code intervals.jsonl} (one line per interval, flushed as it goes),
 * {@code latency.hlog} (an HdrHistogram interval log of latency from the intended start, in nanoseconds,
 * readable by HistogramLogAnalyzer) and, at the end, {@code result.json} (written atomically).
 *
 * <p>An I/O failure fails the returned stage; the run goes on.
 */
public final class RunFilesSink implements ResultSink {

    /** Name of the result file in a run folder. */
    public static final String RESULT_FILE = "result.json";
    public static final String INTERVALS_FILE = "intervals.jsonl";
    public static final String HLOG_FILE = "latency.hlog";

    private final Path dir;
    private BufferedWriter intervals;
    private PrintStream hlogStream;
    private HistogramLogWriter hlog;
    private long startMs;

    /** @param dir the run folder (created if missing) */
    public RunFilesSink(Path dir) {
        this.dir = dir;
    }

    @Override
    public CompletionStage<Void> onStart(RunInfo run) {
        try {
            Files.createDirectories(dir);
            intervals = Files.newBufferedWriter(dir.resolve(INTERVALS_FILE), StandardCharsets.UTF_8);
            hlogStream = new PrintStream(Files.newOutputStream(dir.resolve(HLOG_FILE)), false, StandardCharsets.UTF_8);
            hlog = new HistogramLogWriter(hlogStream);
            startMs = run.startedAt().toEpochMilli();
            hlog.outputLogFormatVersion();
            hlog.outputComment("Onrush " + run.testId() + ": latency from the intended start, nanoseconds");
            hlog.outputStartTime(startMs);
            hlog.setBaseTime(startMs);
            hlog.outputLegend();
            return done();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Void> onInterval(IntervalSnapshot interval) {
        try {
            if (intervals != null) {
                intervals.write(ResultJson.toLine(interval));
                intervals.newLine();
                intervals.flush();
            }
            if (hlog != null) {
                Histogram h = Histograms.decompress(interval.compressedLatencyHistogram());
                long startOffsetMs = interval.start().toEpochMilli() - startMs;
                h.setStartTimeStamp(interval.start().toEpochMilli());
                h.setEndTimeStamp(interval.start().toEpochMilli() + Math.round(interval.durationS() * 1000));
                hlog.outputIntervalHistogram(startOffsetMs / 1000.0,
                        (startOffsetMs + interval.durationS() * 1000) / 1000.0, h, 1e6);
                hlogStream.flush();
            }
            return done();
        } catch (IOException | UncheckedIOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Void> onComplete(RunResult result) {
        try {
            Files.createDirectories(dir);
            ResultJson.write(result, dir.resolve(RESULT_FILE));
            return done();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        } finally {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            if (intervals != null) {
                intervals.close();
            }
        } catch (IOException ignored) {
            // the lines written so far are flushed already
        }
        if (hlogStream != null) {
            hlogStream.close();
        }
    }

    private static CompletionStage<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
