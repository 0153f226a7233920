package dev.onrush.core.internal.metrics;

import dev.onrush.core.internal.schedule.Timeline;
import dev.onrush.spi.GeneratorStats;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.RequestStats;
import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the shards' interval recorders into per-second snapshots and keeps the run's totals: all requests,
 * per request name, per phase (and per phase and request name where asked for), and the generator's own lag,
 * connection wait and drops. An interval belongs to the phase in which it started.
 *
 * <p>Collector thread only. Memory is bounded by the number of request names and phases, not by run length
 * (apart from the list of snapshots, a few hundred bytes a second).
 */
public final class RunAggregator {

    private final String testId;
    private final List<String> requestNames;
    private final Timeline timeline;
    private final Instant startedAt;

    private final Accumulator intervalAll = new Accumulator();
    private final Accumulator[] intervalByRequest;
    private final Histogram intervalLag = Histograms.newTotal();
    private final Histogram intervalWait = Histograms.newTotal();

    private final Accumulator totalAll = new Accumulator();
    private final Accumulator[] totalByRequest;
    private final Accumulator[] byPhase;
    private final Map<Long, Accumulator> byPhaseAndRequest = new HashMap<>();
    private final double[] phaseSeconds;
    private final boolean[] phaseSeen;
    private final Histogram totalLag = Histograms.newTotal();
    private final Histogram totalWait = Histograms.newTotal();
    private long droppedArrivals;
    private long arrivals;
    private long clamped;
    private double seconds;
    private final List<IntervalSnapshot> snapshots = new ArrayList<>();
    /** Made when the first recorders with size classes arrive. */
    private SizeBucketTotals sizeTotals;

    /**
     * @param phaseRequestScopes pairs {@code (phase index, request index)} to keep separate totals for
     *                           (criteria scoped to both)
     */
    public RunAggregator(String testId, List<String> requestNames, Timeline timeline, Instant startedAt,
                         List<int[]> phaseRequestScopes) {
        this.testId = testId;
        this.requestNames = List.copyOf(requestNames);
        this.timeline = timeline;
        this.startedAt = startedAt;
        int n = requestNames.size();
        intervalByRequest = new Accumulator[n];
        totalByRequest = new Accumulator[n];
        for (int i = 0; i < n; i++) {
            intervalByRequest[i] = new Accumulator();
            totalByRequest[i] = new Accumulator();
        }
        byPhase = new Accumulator[timeline.size()];
        for (int p = 0; p < byPhase.length; p++) {
            byPhase[p] = new Accumulator();
        }
        phaseSeconds = new double[timeline.size()];
        phaseSeen = new boolean[timeline.size()];
        for (int[] scope : phaseRequestScopes) {
            byPhaseAndRequest.put(key(scope[0], scope[1]), new Accumulator());
        }
    }

    /**
     * Merges one interval from every shard and returns its snapshot. The recorder sets are only read.
     *
     * @param shards      each shard's recorders of the interval
     * @param startNs     interval start, ns from the run's start
     * @param endNs       interval end
     * @param activeUsers virtual users alive at its end
     */
    public IntervalSnapshot addInterval(List<RecorderSet> shards, long startNs, long endNs, int activeUsers) {
        intervalAll.reset();
        intervalLag.reset();
        intervalWait.reset();
        long intervalDropped = 0;
        for (Accumulator a : intervalByRequest) {
            a.reset();
        }
        for (RecorderSet r : shards) {
            for (int i = 0; i < intervalByRequest.length; i++) {
                intervalByRequest[i].add(r, i);
            }
            intervalLag.add(r.lag);
            intervalWait.add(r.connectionWait);
            intervalDropped += r.droppedArrivals;
            arrivals += r.arrivals;
            clamped += r.clamped;
            if (r.sizes != null) {
                if (sizeTotals == null) {
                    sizeTotals = new SizeBucketTotals(r.sizes.keyValues.length);
                }
                sizeTotals.add(r.sizes);
            }
        }
        int phase = timeline.phaseAt(startNs);
        double durationS = (endNs - startNs) / 1e9;
        Map<String, RequestStats> perRequest = new LinkedHashMap<>();
        for (int i = 0; i < intervalByRequest.length; i++) {
            Accumulator a = intervalByRequest[i];
            intervalAll.add(a);
            totalByRequest[i].add(a);
            Accumulator scoped = byPhaseAndRequest.get(key(phase, i));
            if (scoped != null) {
                scoped.add(a);
            }
            if (a.requests > 0) {
                perRequest.put(requestNames.get(i), a.toStats(durationS));
            }
        }
        totalAll.add(intervalAll);
        byPhase[phase].add(intervalAll);
        phaseSeconds[phase] += durationS;
        phaseSeen[phase] = true;
        totalLag.add(intervalLag);
        totalWait.add(intervalWait);
        droppedArrivals += intervalDropped;
        seconds += durationS;

        GeneratorStats generator = new GeneratorStats(Histograms.stats(intervalLag), Histograms.stats(intervalWait),
                intervalDropped, 0);
        IntervalSnapshot snapshot = new IntervalSnapshot(testId, snapshots.size(),
                startedAt.plusNanos(startNs), durationS, timeline.phases().get(phase).name(), activeUsers,
                timeline.rateAt(Math.max(startNs, endNs - 1)), intervalAll.toStats(durationS), perRequest, generator,
                Histograms.compress(intervalAll.latency));
        snapshots.add(snapshot);
        return snapshot;
    }

    public Accumulator total() {
        return totalAll;
    }

    public Accumulator request(int index) {
        return totalByRequest[index];
    }

    public Accumulator phase(int index) {
        return byPhase[index];
    }

    /** Totals of one request in one phase, or {@code null} when that scope was not asked for. */
    public Accumulator phaseRequest(int phase, int request) {
        return byPhaseAndRequest.get(key(phase, request));
    }

    /** Seconds of intervals that started in phase {@code index}. */
    public double phaseSeconds(int index) {
        return phaseSeconds[index];
    }

    /** Whether any interval started in phase {@code index} (false for phases an abort cut off). */
    public boolean phaseSeen(int index) {
        return phaseSeen[index];
    }

    /** Seconds of all intervals so far. */
    public double seconds() {
        return seconds;
    }

    public Histogram lag() {
        return totalLag;
    }

    public Histogram connectionWait() {
        return totalWait;
    }

    public long droppedArrivals() {
        return droppedArrivals;
    }

    /** Open-model arrivals, served or dropped. */
    public long arrivals() {
        return arrivals;
    }

    /** Values above the histogram range (clamped to it). */
    public long clampedValues() {
        return clamped;
    }

    /** Latency by payload-size class over the run, or {@code null} when the recorders had none. */
    public SizeBucketTotals sizeBuckets() {
        return sizeTotals;
    }

    public List<IntervalSnapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    public List<String> requestNames() {
        return requestNames;
    }

    private static long key(int phase, int request) {
        return ((long) phase << 32) | request;
    }
}
