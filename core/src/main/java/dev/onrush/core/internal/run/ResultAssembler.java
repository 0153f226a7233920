package dev.onrush.core.internal.run;

import dev.onrush.core.internal.analysis.Analyses;
import dev.onrush.core.internal.criteria.Judge;
import dev.onrush.core.internal.engine.Engine;
import dev.onrush.core.internal.engine.VolumeSetup;
import dev.onrush.core.internal.metrics.Accumulator;
import dev.onrush.core.internal.metrics.Histograms;
import dev.onrush.core.internal.metrics.RunAggregator;
import dev.onrush.core.internal.schedule.Timeline;
import dev.onrush.core.internal.stress.BreakingPoint;
import dev.onrush.core.model.Criterion;
import dev.onrush.core.model.LoadTest;
import dev.onrush.spi.CriterionResult;
import dev.onrush.spi.GeneratorStats;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.LatencyStats;
import dev.onrush.spi.PhaseResult;
import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.RequestStats;
import dev.onrush.spi.RunResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns an engine outcome into the {@link RunResult}. */
final class ResultAssembler {

    private ResultAssembler() {
    }

    /**
     * @param timeline      the run's phases as they ran (a search's decided rates)
     * @param breakingPoint a stress test's search or staircase, or {@code null}: its verdict replaces the usual one
     *                      (unless the run was aborted or stopped by an abort_on_fail criterion), the criteria are
     *                      judged on its highest passing step, and its answer goes into {@code analysis}
     */
    static RunResult assemble(LoadTest test, Timeline timeline, String testId, Instant startedAt,
                              Engine.Outcome outcome, RunResult.EngineInfo engine, List<ProbeSample> probes,
                              String failFastReason, Map<String, Object> probeHealth,
                              BreakingPoint breakingPoint) {
        RunAggregator data = outcome.aggregator();
        double seconds = Math.max(outcome.generationNs() / 1e9, 1e-9);
        Accumulator all = data.total();
        Map<String, RequestStats> requests = new LinkedHashMap<>();
        for (int i = 0; i < data.requestNames().size(); i++) {
            requests.put(data.requestNames().get(i), data.request(i).toStats(seconds));
        }
        List<PhaseResult> phases = new ArrayList<>();
        for (int p = 0; p < timeline.size(); p++) {
            if (!data.phaseSeen(p)) {
                continue;
            }
            Accumulator a = data.phase(p);
            double ps = data.phaseSeconds(p);
            RequestStats s = a.toStats(ps);
            phases.add(new PhaseResult(test.phases().get(p).name(), timeline.describe(p),
                    startedAt.plusNanos(timeline.startNs(p)), round(ps), s.requests(), s.errors(),
                    s.errorRatePercent(), s.throughputRps(), s.latencyMs(), s.serviceTimeMs()));
        }
        List<Criterion> judged = breakingPoint == null ? test.judgedCriteria()
                : onStep(test.judgedCriteria(), breakingPoint.lastPassingPhase());
        List<CriterionResult> criteria = Judge.judge(judged, data, test.phases(), seconds, probes);
        Judge.Decision decision = Judge.decide(criteria, data, test.limits(), outcome.abortReason(),
                failFastReason, probes);
        if (breakingPoint != null && outcome.abortReason() == null && failFastReason == null
                && breakingPoint.decision() != null) {
            decision = breakingPoint.decision();
        }
        GeneratorStats generator = new GeneratorStats(Histograms.stats(data.lag()),
                Histograms.stats(data.connectionWait()), data.droppedArrivals(), outcome.unfinishedRequests());
        Instant endedAt = Instant.now();
        LatencyStats latency = Histograms.stats(all.latency());
        List<IntervalSnapshot> snapshots = data.snapshots();
        return new RunResult(RunResult.SCHEMA_VERSION, testId, test.name(), test.type().key(),
                test.target().url().toString(), decision.verdict(), decision.reason(), startedAt, endedAt,
                round(seconds), engine, all.toTotals(seconds), latency, Histograms.stats(all.serviceTime()),
                generator, all.kindMap(), all.statusMap(), requests, phases, criteria, snapshots, probes,
                analysis(test, snapshots, all.requests(), latency, data.heapFloors(), probeHealth, probes,
                        breakingPoint, volume(test, data, all.toTotals(seconds), seconds)));
    }

    /** The volume analysis when the run recorded size classes, else {@code null}. */
    private static Map<String, Object> volume(LoadTest test, RunAggregator data, dev.onrush.spi.Totals totals,
                                              double seconds) {
        return data.sizeBuckets() == null ? null
                : Analyses.volume(totals, seconds, data.sizeBuckets(), VolumeSetup.keyVariables(test));
    }

    /**
     * A stress test's criteria, judged on its highest passing step (what the system sustained): scoped to that
     * phase unless they name one. Probe criteria stay run-wide. Without a passing step, as they are.
     */
    private static List<Criterion> onStep(List<Criterion> criteria, String phase) {
        if (phase == null) {
            return criteria;
        }
        return criteria.stream().map(c -> c.onPhaseByDefault(phase)).toList();
    }

    /**
     * The type's analysis, plus {@code probes} (each probe's sample counts and whether its series is complete) and
     * {@code reconciliation} (client figures against the load balancer's) when there is data for them.
     */
    private static Map<String, Object> analysis(LoadTest test, List<IntervalSnapshot> snapshots, long requests,
                                                LatencyStats latency, List<Long> heapBytes,
                                                Map<String, Object> probeHealth, List<ProbeSample> probes,
                                                BreakingPoint breakingPoint, Map<String, Object> volume) {
        Map<String, Object> analysis = new LinkedHashMap<>(Analyses.of(test, snapshots, heapBytes, probes));
        if (breakingPoint != null) {
            analysis.putAll(breakingPoint.analysis());
        }
        if (volume != null) {
            analysis.put("volume", volume);
        }
        if (!probeHealth.isEmpty()) {
            analysis.put("probes", probeHealth);
        }
        Map<String, Object> reconciliation = Analyses.reconciliation(requests, latency.p95(), probes);
        if (!reconciliation.isEmpty()) {
            analysis.put("reconciliation", reconciliation);
        }
        return analysis;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
