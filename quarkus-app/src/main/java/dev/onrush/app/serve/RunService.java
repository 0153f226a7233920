package dev.onrush.app.serve;

import dev.onrush.app.PlanRunner;
import dev.onrush.core.Onrush;
import dev.onrush.core.RunHandle;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.SecretHeaders;
import dev.onrush.core.sink.HtmlReportSink;
import dev.onrush.core.sink.RunFilesSink;
import dev.onrush.core.sink.RunStatus;
import dev.onrush.spi.IntervalSnapshot;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The service's runs: parses a submitted plan, holds it to the {@link PlanPolicy} and the concurrency limit, starts
 * it through {@link PlanRunner#start} (the path {@code onrush run} uses too) and keeps track of it. Runs finished
 * before this process started are found in the results folder. Thread-safe.
 */
@ApplicationScoped
public class RunService {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final ServeConfig config;
    private final PlanPolicy policy;
    private final Onrush onrush;
    private final Path resultsRoot;
    private final MeterRegistry metrics;
    private final Map<String, ServedRun> runs = new ConcurrentHashMap<>();

    @Inject
    public RunService(ServeConfig config, MeterRegistry metrics) {
        this.config = config;
        this.metrics = metrics;
        this.resultsRoot = Path.of(config.resultsDir()).toAbsolutePath();
        Onrush.Builder b = Onrush.builder().resultsRoot(resultsRoot)
                .secretHeaders(SecretHeaders.withExtra(config.secretHeaders().orElse(List.of())))
                .onInterval(this::dispatch)
                .warnings(m -> Log.warn(m));
        if (config.eventLoops() > 0) {
            b.eventLoops(config.eventLoops());
        }
        this.onrush = b.build();
        this.policy = PlanPolicy.of(config, PlanPolicy.PluginKeys.of(onrush));
        metrics.gauge("onrush.runs.active", runs, m -> m.values().stream().filter(r -> !r.isDone()).count());
    }

    PlanPolicy policy() {
        return policy;
    }

    Path resultsRoot() {
        return resultsRoot;
    }

    SecretHeaders secretHeaders() {
        return onrush.secretHeaders();
    }

    /**
     * Parses {@code planText} with every check the service makes.
     *
     * @throws ApiException                          when the plan is too large or breaks the policy
     * @throws dev.onrush.core.plan.PlanException when it is not a valid plan
     */
    LoadTest accept(String planText, String source) {
        policy.checkSize(planText);
        LoadTest test = onrush.planParser().parse(planText, source, List.of());
        policy.check(test);
        return test;
    }

    /**
     * Checks and starts a plan.
     *
     * @param origin {@code api} or {@code schedule:<id>}
     * @throws ApiException 429 when {@code onrush.serve.max-concurrent-runs} runs are going already, or as
     *                      {@link #accept}
     */
    ServedRun submit(String planText, String source, String origin) {
        LoadTest test;
        try {
            test = accept(planText, source);
        } catch (ApiException e) {
            metrics.counter("onrush.runs.rejected", "reason", e.error()).increment();
            throw e;
        }
        ServedRun run;
        synchronized (this) {
            long active = runs.values().stream().filter(r -> !r.isDone()).count();
            if (active >= config.maxConcurrentRuns()) {
                metrics.counter("onrush.runs.rejected", "reason", "max_concurrent_runs").increment();
                throw new ApiException(429, "max_concurrent_runs", active + " runs are going, the limit "
                        + "onrush.serve.max-concurrent-runs=" + config.maxConcurrentRuns());
            }
            RunHandle handle;
            try {
                handle = PlanRunner.start(onrush, test);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "invalid_plan", "cannot run this plan: " + e.getMessage());
            }
            run = new ServedRun(handle, test.name(), test.target().url().toString(), origin, test.totalDuration());
            runs.put(run.id(), run);
            handle.result().whenComplete((r, e) -> finished(run, r, e));
        }
        metrics.counter("onrush.runs.started", "origin", origin.startsWith("schedule") ? "schedule" : "api")
                .increment();
        Log.infof("run %s started (%s, target %s, from %s)", run.id(), test.name(), test.target().url(), origin);
        return run;
    }

    private void finished(ServedRun run, dev.onrush.spi.RunResult r, Throwable e) {
        run.onResult(r, e);
        pruneFinished();
        metrics.counter("onrush.runs.finished", "status", run.status()).increment();
        Log.infof("run %s ended: %s", run.id(), run.status());
    }

    /**
     * Forgets the oldest finished runs beyond {@code onrush.serve.finished-runs-kept}: a service running schedules
     * for weeks must not keep every result in memory. Their folders stay, and the API serves them from there
     * ({@code STORED}).
     */
    private synchronized void pruneFinished() {
        List<ServedRun> done = runs.values().stream().filter(ServedRun::isDone)
                .sorted(Comparator.comparing(ServedRun::id)).toList();
        for (int i = 0; i < done.size() - config.finishedRunsKept(); i++) {
            runs.remove(done.get(i).id());
        }
    }

    private void dispatch(IntervalSnapshot s) {
        ServedRun run = runs.get(s.testId());
        if (run != null) {
            run.onInterval(s);
        }
    }

    /** A run of this process, if any. */
    Optional<ServedRun> live(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** The runs of this process, newest first. */
    Collection<ServedRun> liveRuns() {
        List<ServedRun> list = new ArrayList<>(runs.values());
        list.sort(Comparator.comparing(ServedRun::id).reversed());
        return list;
    }

    /**
     * The folder of run {@code id} (of this process or an earlier one), when it exists.
     *
     * @throws ApiException 404 when {@code id} is not a run id
     */
    Optional<Path> folder(String id) {
        if (!RUN_ID.matcher(id).matches()) {
            throw ApiException.notFound("test", id);
        }
        ServedRun run = runs.get(id);
        if (run != null) {
            return Files.isDirectory(run.dir()) ? Optional.of(run.dir()) : Optional.empty();
        }
        Path dir = resultsRoot.resolve(id);
        return isRunFolder(dir) ? Optional.of(dir) : Optional.empty();
    }

    /** A folder a run wrote (its plan, status or result is there): not the schedules folder, not a stray one. */
    private static boolean isRunFolder(Path dir) {
        return Files.isDirectory(dir) && (Files.isRegularFile(dir.resolve(RunFilesSink.RESULT_FILE))
                || Files.isRegularFile(dir.resolve(RunStatus.FILE)) || Files.isRegularFile(dir.resolve(Onrush.PLAN_FILE)));
    }

    /** The ids of finished runs found in the results folder that this process did not start, newest first. */
    List<String> storedRunIds() {
        if (!Files.isDirectory(resultsRoot)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(resultsRoot)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(RunFilesSink.RESULT_FILE)))
                    .map(d -> d.getFileName().toString()).filter(id -> !runs.containsKey(id))
                    .sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            Log.warnf("cannot list %s: %s", resultsRoot, e.getMessage());
            return List.of();
        }
    }

    static String resultFile() {
        return RunFilesSink.RESULT_FILE;
    }

    static String reportFile() {
        return HtmlReportSink.REPORT_FILE;
    }

    @PreDestroy
    void abortAll() {
        List<ServedRun> going = runs.values().stream().filter(r -> !r.isDone()).toList();
        going.forEach(r -> r.abort("the service is shutting down"));
        going.forEach(r -> r.awaitDone(java.time.Duration.ofSeconds(15)));
    }
}
