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
 * readable by HistogramLogAnalyzer) and, at the end, {@code result.json} (written atomically), then
 * {@link RunStatus} {@code complete} with the verdict.
 *
 * <p>An I/O failure fails the returned stage; the run goes on. When {@code result.json} cannot be written, or an
 * interval could not be, the status says {@code incomplete} and why (as far as the disk lets it) and
 * {@link #onComplete} fails naming the file, so the folder never reads as complete when it is not.
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
    /** The first interval write that failed, or {@code null}. */
    private String lostWrite;

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
            if (lostWrite == null) {
                lostWrite = "an interval was not written to " + dir.resolve(INTERVALS_FILE) + " or " + HLOG_FILE
                        + " (" + e.getMessage() + "); they are cut short";
            }
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Void> onComplete(RunResult result) {
        RunStatus status = startStatus(result);
        Path file = dir.resolve(RESULT_FILE);
        try {
            Files.createDirectories(dir);
            ResultJson.write(result, file);
        } catch (IOException e) {
            return incomplete(status, file + " was not written (" + e.getMessage() + ")", e);
        } finally {
            closeQuietly();
        }
        if (lostWrite != null) {
            return incomplete(status, lostWrite, null);
        }
        try {
            status.complete(result.verdict().name(), result.verdictReason(), result.endedAt()).write(dir);
            return done();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new IOException(dir.resolve(RunStatus.FILE)
                    + " was not written (" + e.getMessage() + ")", e));
        }
    }

    /** The status written when the run took the folder, or one made now for a folder without it. */
    private RunStatus startStatus(RunResult result) {
        try {
            return RunStatus.read(dir).orElseGet(() -> RunStatus.running(result.startedAt()));
        } catch (IOException e) {
            return RunStatus.running(result.startedAt());
        }
    }

    /** Records {@code why} in the status (if the disk still takes it) and fails with it. */
    private CompletionStage<Void> incomplete(RunStatus status, String why, IOException cause) {
        try {
            status.incomplete(why, java.time.Instant.now()).write(dir);
        } catch (IOException ignored) {
            // the status still says running: readers take the run for killed, which is no false complete
        }
        return CompletableFuture.failedFuture(new IOException(why, cause));
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
