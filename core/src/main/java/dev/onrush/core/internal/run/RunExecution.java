package dev.onrush.core.internal.run;

import dev.onrush.core.internal.criteria.AbortWatch;
import dev.onrush.core.internal.engine.Engine;
import dev.onrush.core.internal.metrics.RunAggregator;
import dev.onrush.core.internal.schedule.Timeline;
import dev.onrush.core.internal.stress.BreakingPoint;
import dev.onrush.core.internal.sink.SinkDispatcher;
import dev.onrush.core.model.Criterion;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Phase;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.probe.Probe;
import dev.onrush.spi.probe.ProbeContext;
import dev.onrush.spi.sink.ResultSink;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Executes one run on the calling thread: sinks start, the engine runs while the probes are sampled on their own
 * worker thread, the result is assembled and judged, the sinks complete. {@link #abort} may be called from any
 * thread.
 */
public final class RunExecution {

    private static final Duration SINK_COMPLETION_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration PROBE_STOP_GRACE = Duration.ofSeconds(10);

    private final LoadTest test;
    private final String testId;
    private final Path outputDir;
    private final Engine engine;
    private final int eventLoops;
    private final List<ResultSink> sinks;
    private final int localSinks;
    private final List<Probe> probes;
    private final Consumer<IntervalSnapshot> listener;
    private final Consumer<String> warn;
    private final AbortWatch abortWatch;
    private final Timeline timeline;
    /** A stress test's search or staircase, or {@code null}. */
    private final BreakingPoint breakingPoint;
    /** Made once the start instant is known (collector thread). */
    private RunAggregator aggregator;
    /** Set on the collector thread when an abort_on_fail criterion stopped the run. */
    private String failFastReason;

    /**
     * @param outputDir the run folder (already created), or {@code null}
     * @param sinks     the sinks, local files first
     * @param localSinks how many of the first sinks write the run folder; they finish {@code onComplete} before the
     *                   others get it
     * @param probes    the probes to sample during the run (closed at its end)
     * @param listener  called on the collector thread after each interval, before the sinks get it
     */
    public RunExecution(LoadTest test, String testId, Path outputDir, int eventLoops, long seed,
                        List<ResultSink> sinks, int localSinks, List<Probe> probes,
                        Consumer<IntervalSnapshot> listener, Consumer<String> warn) {
        this.test = test;
        this.testId = testId;
        this.outputDir = outputDir;
        this.eventLoops = eventLoops;
        this.timeline = new Timeline(test.phases(), BreakingPoint.steeredPhases(test));
        this.breakingPoint = test.stress() == null ? null : new BreakingPoint(test, timeline);
        this.engine = new Engine(test, timeline, eventLoops, seed);
        this.sinks = List.copyOf(sinks);
        this.localSinks = localSinks;
        this.probes = List.copyOf(probes);
        this.listener = listener;
        this.warn = warn;
        this.abortWatch = new AbortWatch(test.judgedCriteria());
    }

    public String testId() {
        return testId;
    }

    /** Stops the run early; its result so far is kept, with verdict ABORTED. */
    public void abort(String reason) {
        engine.abort(reason);
    }

    /** Runs to the end and returns the result (after every sink finished or timed out). */
    public RunResult execute() {
        SinkDispatcher dispatcher = new SinkDispatcher(sinks, localSinks, outputDir, warn);
        ProbeSampler sampler = new ProbeSampler(probes, dispatcher::probeSample, warn);
        Instant[] startedAt = new Instant[1];
        Engine.Outcome outcome;
        try {
            outcome = engine.run(startNanos -> {
                long untilStart = startNanos - System.nanoTime();
                startedAt[0] = Instant.now().plusNanos(untilStart).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
                RunInfo info = runInfo(startedAt[0]);
                dispatcher.start(info);
                startProbes(info);
                sampler.start(startedAt[0], untilStart);
                aggregator = new RunAggregator(testId, test.requestNames(), timeline, startedAt[0],
                        phaseRequestScopes());
                return aggregator;
            }, snapshot -> {
                listener.accept(snapshot);
                dispatcher.interval(snapshot);
                String stop = abortWatch.active() && failFastReason == null ? abortWatch.check(snapshot) : null;
                if (stop != null) {
                    failFastReason = stop;
                    engine.abort(stop);
                }
                if (breakingPoint != null && breakingPoint.onInterval(snapshot, aggregator) == BreakingPoint.STOP) {
                    engine.stop();
                }
            });
        } catch (RuntimeException | Error e) {
            sampler.stop(Duration.ofSeconds(1));
            throw e;
        }
        List<ProbeSample> samples = sampler.stop(PROBE_STOP_GRACE);
        if (outcome.confinementViolations() > 0) {
            warn.accept("engine defect: " + outcome.confinementViolations()
                    + " connection callbacks ran off their shard's event loop; figures may be wrong");
        }
        RunResult result = ResultAssembler.assemble(test, timeline, testId, startedAt[0], outcome,
                new RunResult.EngineInfo(outcome.transport(), eventLoops, Runtime.version().toString()), samples,
                failFastReason, sampler.probeHealth(), breakingPoint);
        dispatcher.complete(result, SINK_COMPLETION_TIMEOUT);
        return result;
    }

    /** Hands every probe the run and what it may need of it, before the first sample; a failure is a warning. */
    private void startProbes(RunInfo info) {
        ProbeContext context = new ProbeContext(test.target().url(), engine::takeEventLoopLagMs);
        for (Probe p : probes) {
            try {
                p.start(info, context);
            } catch (RuntimeException e) {
                warn.accept("probe " + p.getClass().getName() + " failed in start(): " + e);
            }
        }
    }

    private RunInfo runInfo(Instant startedAt) {
        List<RunInfo.PhaseInfo> phases = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i++) {
            Phase p = test.phases().get(i);
            phases.add(new RunInfo.PhaseInfo(p.name(), Duration.ofNanos(timeline.startNs(i)), p.duration(),
                    p.shape().describe()));
        }
        return new RunInfo(testId, test.name(), test.type().key(), test.target().url().toString(), startedAt,
                test.totalDuration(), phases, test.requestNames(), outputDir, Map.copyOf(test.tags()));
    }

    private List<int[]> phaseRequestScopes() {
        List<int[]> scopes = new ArrayList<>();
        List<String> names = test.requestNames();
        for (Criterion c : test.judgedCriteria()) {
            if (c.phase() != null && c.request() != null) {
                int p = test.phases().stream().map(Phase::name).toList().indexOf(c.phase());
                scopes.add(new int[] {p, names.indexOf(c.request())});
            }
        }
        if (breakingPoint != null) {
            scopes.addAll(BreakingPoint.requestScopes(test));
        }
        return scopes;
    }
}
