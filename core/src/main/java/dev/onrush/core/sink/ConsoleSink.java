package dev.onrush.core.sink;

import dev.onrush.spi.CriterionResult;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.LatencyStats;
import dev.onrush.spi.RequestStats;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.sink.ResultSink;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Live progress and the final summary on a terminal or a log: one line per interval (with a progress bar,
 * rewritten in place when {@code interactive}; plain lines otherwise, as in CI), warnings about the generator's
 * lag, dropped arrivals and the first errors once each rather than every second, then a table per request name,
 * the criteria, the scalability analysis of a scalability test and the verdict.
 */
public final class ConsoleSink implements ResultSink {

    /** Phases listed at the start; longer plans show the first ones. */
    private static final int MAX_PHASES_LISTED = 12;

    private final PrintStream out;
    private final boolean interactive;
    private RunInfo run;
    private final Path reportFile;
    private Path outputDir;
    /** Generator lag p99 (ms) in one second above which the console warns. */
    private static final double LAG_WARNING_MS = 50;
    private final java.util.Set<String> warned = new java.util.HashSet<>();

    /**
     * @param out         where to print
     * @param interactive rewrite the progress line in place (a terminal) instead of printing one per second
     */
    public ConsoleSink(PrintStream out, boolean interactive) {
        this(out, interactive, null);
    }

    /**
     * @param out         where to print
     * @param interactive rewrite the progress line in place (a terminal) instead of printing one per second
     * @param reportFile  the run's {@code report.html} to name in the summary when it exists by then (another
     *                    sink writes it, before this one completes when both are in one run), or {@code null}
     */
    public ConsoleSink(PrintStream out, boolean interactive, Path reportFile) {
        this.out = out;
        this.interactive = interactive;
        this.reportFile = reportFile;
    }

    @Override
    public CompletionStage<Void> onStart(RunInfo info) {
        this.run = info;
        this.outputDir = info.outputDir();
        out.printf(Locale.ROOT, "Onrush %s (%s) -> %s, %s in %d phase(s)%n", info.name(), info.type(),
                info.targetUrl(), fmtDuration(info.plannedDuration().toMillis() / 1000.0), info.phases().size());
        // a stress search plans many step slots it may never use: show the first ones only
        int shown = info.phases().size() <= MAX_PHASES_LISTED ? info.phases().size() : MAX_PHASES_LISTED - 2;
        info.phases().subList(0, shown).forEach(p -> out.printf(Locale.ROOT, "  %-14s %8s  %s%n", p.name(),
                fmtDuration(p.duration().toMillis() / 1000.0), p.shape()));
        if (shown < info.phases().size()) {
            out.printf(Locale.ROOT, "  ... %d more phases%s%n", info.phases().size() - shown,
                    info.type().equals("stress") ? " (a stress search decides their rates as it goes and ends "
                            + "when it has its answer)" : "");
        }
        out.flush();
        return done();
    }

    @Override
    public CompletionStage<Void> onInterval(IntervalSnapshot i) {
        double elapsed = run == null ? 0
                : (i.start().toEpochMilli() - run.startedAt().toEpochMilli()) / 1000.0 + i.durationS();
        double total = run == null ? 0 : run.plannedDuration().toMillis() / 1000.0;
        RequestStats t = i.totals();
        String load = i.targetRatePerSec() > 0 ? String.format(Locale.ROOT, "rate %6.0f/s", i.targetRatePerSec())
                : String.format(Locale.ROOT, "users %5d", i.activeUsers());
        String line = String.format(Locale.ROOT,
                "[%5.0fs/%.0fs] %-12s %s  rps %7.1f  p95 %8s  err %5.2f%%  lag p99 %s%s",
                elapsed, total, i.phase(), load, t.throughputRps(), fmtMs(t.latencyMs().p95()), t.errorRatePercent(),
                fmtMs(i.generator().lagMs().p99()),
                i.generator().droppedArrivals() > 0 ? "  dropped " + i.generator().droppedArrivals() : "");
        for (String warning : warnings(i, elapsed)) {
            out.print(interactive ? "\r\033[K" : "");
            out.println("warning: " + warning);
        }
        if (interactive) {
            out.print("\r\033[K" + bar(total <= 0 ? 1 : elapsed / total) + " " + line);
        } else {
            out.println(line);
        }
        out.flush();
        return done();
    }

    @Override
    public CompletionStage<Void> onComplete(RunResult r) {
        if (interactive) {
            out.println();
        }
        out.println();
        out.printf(Locale.ROOT, "%-28s %9s %7s %9s %9s %9s %9s %9s %9s%n", "request", "count", "err%", "rps",
                "p50", "p95", "p99", "max", "svc p95");
        for (Map.Entry<String, RequestStats> e : r.requests().entrySet()) {
            row(e.getKey(), e.getValue().requests(), e.getValue().errorRatePercent(), e.getValue().throughputRps(),
                    e.getValue().latencyMs(), e.getValue().serviceTimeMs());
        }
        row("ALL", r.totals().requests(), r.totals().errorRatePercent(), r.totals().throughputRps(), r.latencyMs(),
                r.serviceTimeMs());
        out.printf(Locale.ROOT, "latency = from the intended start (includes waiting); svc = service time from "
                + "the send%n");
        out.printf(Locale.ROOT, "generator: lag p99 %s, max %s; connection wait p99 %s; dropped arrivals %d; "
                        + "unfinished %d; %s%n",
                fmtMs(r.generator().lagMs().p99()), fmtMs(r.generator().lagMs().max()),
                fmtMs(r.generator().connectionWaitMs().p99()), r.generator().droppedArrivals(),
                r.generator().unfinishedRequests(), r.engine().transport());
        if (!r.errorsByKind().isEmpty()) {
            out.println("errors: " + r.errorsByKind());
        }
        ConsoleAnalysis.volumeLines(r.analysis()).forEach(out::println);
        for (CriterionResult c : r.criteria()) {
            out.printf(Locale.ROOT, "  %s %-28s actual %s%n", c.passed() ? "PASS" : "FAIL",
                    c.expression() + (c.scope().equals("all") ? "" : " [" + c.scope() + "]"),
                    Double.isNaN(c.actual()) ? "no data" : String.format(Locale.ROOT, "%.3f %s", c.actual(), c.unit()));
        }
        ConsoleAnalysis.lines(r.analysis()).forEach(out::println);
        out.printf(Locale.ROOT, "verdict: %s (%s)%n", r.verdict(), r.verdictReason());
        // the run folder's sinks finished before this one is called: a file missing now was not written
        if (outputDir != null) {
            boolean written = java.nio.file.Files.isRegularFile(outputDir.resolve(RunFilesSink.RESULT_FILE));
            out.println("results: " + outputDir.toAbsolutePath().normalize()
                    + (written ? "" : " (" + RunFilesSink.RESULT_FILE + " was NOT written, see the warnings)"));
        }
        if (reportFile != null) {
            out.println(java.nio.file.Files.isRegularFile(reportFile)
                    ? "report:  " + reportFile.toAbsolutePath().normalize()
                    : "report:  not written, see the warnings");
        }
        out.flush();
        return done();
    }

    /** Each kind of trouble is told once per run, the first time it shows, not every second. */
    private java.util.List<String> warnings(IntervalSnapshot i, double elapsed) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (i.generator().lagMs().p99() > LAG_WARNING_MS && warned.add("lag")) {
            out.add(String.format(Locale.ROOT, "at %.0f s the generator itself was late (lag p99 %s): latency "
                    + "then includes the generator's delay; a long run past the limit is INCONCLUSIVE", elapsed,
                    fmtMs(i.generator().lagMs().p99())));
        }
        if (i.generator().droppedArrivals() > 0 && warned.add("dropped")) {
            out.add(String.format(Locale.ROOT, "at %.0f s arrivals were dropped (%d in that second): every "
                    + "connection was busy and the wait queue full; raise target.max_connections or "
                    + "target.max_queue", elapsed, i.generator().droppedArrivals()));
        }
        if (!i.totals().errorsByKind().isEmpty() && warned.add("errors")) {
            out.add(String.format(Locale.ROOT, "at %.0f s the first errors: %s", elapsed, i.totals().errorsByKind()));
        }
        return out;
    }

    private static String bar(double fraction) {
        int width = 20;
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]";
    }

    private void row(String name, long count, double errPct, double rps, LatencyStats l, LatencyStats svc) {
        out.printf(Locale.ROOT, "%-28s %9d %6.2f%% %9.1f %9s %9s %9s %9s %9s%n", truncate(name), count, errPct, rps,
                fmtMs(l.p50()), fmtMs(l.p95()), fmtMs(l.p99()), fmtMs(l.max()), fmtMs(svc.p95()));
    }

    private static String truncate(String s) {
        return s.length() <= 28 ? s : s.substring(0, 27) + "…";
    }

    static String fmtMs(double ms) {
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.2fs", ms / 1000);
        }
        return String.format(Locale.ROOT, ms >= 10 ? "%.1fms" : "%.2fms", ms);
    }

    private static String fmtDuration(double seconds) {
        return seconds >= 120 ? String.format(Locale.ROOT, "%.1fm", seconds / 60)
                : String.format(Locale.ROOT, "%.0fs", seconds);
    }

    private static CompletionStage<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
