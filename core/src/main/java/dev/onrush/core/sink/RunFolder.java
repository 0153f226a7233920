package dev.onrush.core.sink;

import dev.onrush.core.internal.metrics.Histograms;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.RunResult;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a run folder written by {@link RunFilesSink} back into one {@link RunResult}: {@code result.json},
 * its per-second series from {@code intervals.jsonl} and each interval's latency histogram from
 * {@code latency.hlog} (matched by order: the sink writes one log entry per interval line).
 *
 * <p>Stateless; the methods may be called from any thread. Every failure is an {@link IOException} whose message
 * names the missing or unreadable file.
 */
public final class RunFolder {

    private RunFolder() {
    }

    /**
     * The run saved in {@code dir}, with its intervals and their histograms.
     *
     * @throws NoSuchFileException when one of the three files is missing (its path is {@link
     *                             NoSuchFileException#getFile()}; the reason, when {@link RunStatus} knows it, says
     *                             the run is incomplete and why, e.g. killed)
     * @throws IOException         when a file cannot be read or parsed; the message starts with its path
     */
    public static RunResult read(Path dir) throws IOException {
        Path resultFile = dir.resolve(RunFilesSink.RESULT_FILE);
        String unfinished = unfinished(dir);
        if (unfinished != null && !Files.isRegularFile(resultFile)) {
            throw new NoSuchFileException(resultFile.toString(), null, "the run is " + unfinished);
        }
        RunResult result = parse(dir.resolve(RunFilesSink.RESULT_FILE),
                file -> ResultJson.readResult(Files.readString(file)));
        List<IntervalSnapshot> lines = parse(dir.resolve(RunFilesSink.INTERVALS_FILE), RunFolder::readLines);
        Path hlog = dir.resolve(RunFilesSink.HLOG_FILE);
        List<byte[]> histograms = parse(hlog, RunFolder::readHistograms);
        if (histograms.size() != lines.size()) {
            throw new IOException(hlog + ": " + histograms.size() + " histograms for " + lines.size()
                    + " lines in " + RunFilesSink.INTERVALS_FILE);
        }
        List<IntervalSnapshot> intervals = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            IntervalSnapshot l = lines.get(i);
            intervals.add(new IntervalSnapshot(l.testId(), l.index(), l.start(), l.durationS(), l.phase(),
                    l.activeUsers(), l.targetRatePerSec(), l.totals(), l.requests(), l.generator(),
                    histograms.get(i)));
        }
        RunResult r = result;
        return new RunResult(r.schemaVersion(), r.testId(), r.name(), r.type(), r.targetUrl(), r.verdict(),
                r.verdictReason(), r.startedAt(), r.endedAt(), r.durationS(), r.engine(), r.totals(), r.latencyMs(),
                r.serviceTimeMs(), r.generator(), r.errorsByKind(), r.statusCodes(), r.requests(), r.phases(),
                r.criteria(), intervals, r.probes(), r.analysis());
    }

    /**
     * What {@code dir}'s {@link RunStatus} says when the run there did not complete (killed, running, files not
     * written), or {@code null} when it completed or the folder has no status (written before Onrush kept one).
     */
    public static String unfinished(Path dir) {
        try {
            return RunStatus.read(dir).filter(s -> s.state() != RunStatus.State.COMPLETE).map(RunStatus::describe)
                    .orElse(null);
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static List<IntervalSnapshot> readLines(Path file) throws IOException {
        List<IntervalSnapshot> out = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(ResultJson.readLine(line));
            } catch (IOException e) {
                throw new IOException("line " + n + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static List<byte[]> readHistograms(Path file) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            HistogramLogReader reader = new HistogramLogReader(in);
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                if (!(h instanceof Histogram histogram)) {
                    throw new IOException("a DoubleHistogram where latency histograms were expected");
                }
                out.add(Histograms.compress(histogram));
            }
        }
        return out;
    }

    private interface Parser<T> {
        T parse(Path file) throws IOException;
    }

    // one place that turns any failure into a message naming the file
    private static <T> T parse(Path file, Parser<T> parser) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        try {
            return parser.parse(file);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": cannot read it (" + e.getMessage() + ")", e);
        }
    }
}
