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
 * <p>The time series kept for the result ({@link #snapshots()}) is bounded too: one snapshot a second for runs
 * planned up to {@value #MAX_RETAINED} seconds, and for longer ones one per {@link #resolutionSeconds()} (2 s to
 * 10 min, chosen from the planned length so that at most {@value #MAX_RETAINED} are kept), merged exactly from the
 * seconds' histograms and counts, never across a phase boundary. The snapshots handed to listeners as the run
 * goes are always one second long.
 *
 * <p>Collector thread only. Memory is bounded by the number of request names and phases, not by run length.
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
    /** What {@link #phase} and {@link #phaseRequest} answer for a scope without data; made on first need, read only. */
    private Accumulator empty;
    /** The (phase, request) pairs asked for; their accumulators are made when the phase's first interval comes. */
    private final java.util.Set<Long> scopes = new java.util.HashSet<>();
    private final Map<Long, Accumulator> byPhaseAndRequest = new HashMap<>();
    private final double[] phaseSeconds;
    private final boolean[] phaseSeen;
    private final Histogram totalLag = Histograms.newTotal();
    /** The lag of the intervals after the first second: what the verdict judges (see {@link #judgedLag()}). */
    private final Histogram lagAfterFirstSecond = Histograms.newTotal();
    private final Histogram totalWait = Histograms.newTotal();
    private long droppedArrivals;
    private long arrivals;
    private long clamped;
    private double seconds;
    /** The most snapshots kept for the result; longer runs keep coarser ones. */
    static final int MAX_RETAINED = 3600;
    private static final int[] RESOLUTIONS_S = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600};

    private final int resolutionS;
    private final List<IntervalSnapshot> snapshots = new ArrayList<>();
    /**
     * Per kept snapshot: the lowest heap use of the generator seen after its seconds (a proxy for live data).
     */
    private final List<Long> heapFloors = new ArrayList<>();
    private long liveIndex;
    /** The kept snapshot being merged (coarse resolutions only). */
    private final Accumulator windowAll = new Accumulator();
    private final Accumulator[] windowByRequest;
    private final Histogram windowLag = Histograms.newTotal();
    private final Histogram windowWait = Histograms.newTotal();
    private long windowStartNs = -1;
    private double windowSeconds;
    private long windowDropped;
    private int windowPhase;
    private int windowUsers;
    private double windowRate;
    private long windowHeapFloor = Long.MAX_VALUE;
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
        this.resolutionS = resolutionFor(timeline.totalNs());
        windowByRequest = new Accumulator[resolutionS == 1 ? 0 : n];
        for (int i = 0; i < windowByRequest.length; i++) {
            windowByRequest[i] = new Accumulator();
        }
        // made when a phase's first interval comes: a stress search plans many phases it may never run
        byPhase = new Accumulator[timeline.size()];
        phaseSeconds = new double[timeline.size()];
        phaseSeen = new boolean[timeline.size()];
        for (int[] scope : phaseRequestScopes) {
            scopes.add(key(scope[0], scope[1]));
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
            if (scopes.contains(key(phase, i))) {
                byPhaseAndRequest.computeIfAbsent(key(phase, i), k -> new Accumulator()).add(a);
            }
            if (a.requests > 0) {
                perRequest.put(requestNames.get(i), a.toStats(durationS));
            }
        }
        totalAll.add(intervalAll);
        if (byPhase[phase] == null) {
            byPhase[phase] = new Accumulator();
        }
        byPhase[phase].add(intervalAll);
        phaseSeconds[phase] += durationS;
        phaseSeen[phase] = true;
        totalLag.add(intervalLag);
        if (startNs >= JIT_WARM_UP_NS) {
            lagAfterFirstSecond.add(intervalLag);
        }
        totalWait.add(intervalWait);
        droppedArrivals += intervalDropped;
        seconds += durationS;

        GeneratorStats generator = new GeneratorStats(Histograms.stats(intervalLag), Histograms.stats(intervalWait),
                intervalDropped, 0);
        double rate = timeline.rateAt(Math.max(startNs, endNs - 1));
        IntervalSnapshot snapshot = new IntervalSnapshot(testId, liveIndex++,
                startedAt.plusNanos(startNs), durationS, timeline.phases().get(phase).name(), activeUsers,
                rate, intervalAll.toStats(durationS), perRequest, generator,
                Histograms.compress(intervalAll.latency));
        Runtime rt = Runtime.getRuntime();
        long heap = rt.totalMemory() - rt.freeMemory();
        if (resolutionS == 1) {
            snapshots.add(snapshot);
            heapFloors.add(heap);
        } else {
            retain(startNs, durationS, phase, activeUsers, rate, intervalDropped, heap);
        }
        return snapshot;
    }

    /** Merges the interval just added into the kept snapshot being built, which is closed when full. */
    private void retain(long startNs, double durationS, int phase, int activeUsers, double rate, long dropped,
                        long heap) {
        if (windowStartNs >= 0 && phase != windowPhase) {
            flushWindow();
        }
        if (windowStartNs < 0) {
            windowStartNs = startNs;
            windowPhase = phase;
        }
        windowAll.add(intervalAll);
        for (int i = 0; i < windowByRequest.length; i++) {
            windowByRequest[i].add(intervalByRequest[i]);
        }
        windowLag.add(intervalLag);
        windowWait.add(intervalWait);
        windowDropped += dropped;
        windowSeconds += durationS;
        windowUsers = activeUsers;
        windowRate = rate;
        windowHeapFloor = Math.min(windowHeapFloor, heap);
        if (windowSeconds >= resolutionS - 1e-6) {
            flushWindow();
        }
    }

    private void flushWindow() {
        if (windowStartNs < 0) {
            return;
        }
        Map<String, RequestStats> perRequest = new LinkedHashMap<>();
        for (int i = 0; i < windowByRequest.length; i++) {
            if (windowByRequest[i].requests > 0) {
                perRequest.put(requestNames.get(i), windowByRequest[i].toStats(windowSeconds));
            }
            windowByRequest[i].reset();
        }
        GeneratorStats generator = new GeneratorStats(Histograms.stats(windowLag), Histograms.stats(windowWait),
                windowDropped, 0);
        snapshots.add(new IntervalSnapshot(testId, snapshots.size(), startedAt.plusNanos(windowStartNs),
                windowSeconds, timeline.phases().get(windowPhase).name(), windowUsers, windowRate,
                windowAll.toStats(windowSeconds), perRequest, generator, Histograms.compress(windowAll.latency)));
        heapFloors.add(windowHeapFloor);
        windowHeapFloor = Long.MAX_VALUE;
        windowAll.reset();
        windowLag.reset();
        windowWait.reset();
        windowStartNs = -1;
        windowSeconds = 0;
        windowDropped = 0;
    }

    /** The seconds each kept snapshot spans (the last one of a phase may be shorter). */
    public int resolutionSeconds() {
        return resolutionS;
    }

    /** The resolution that keeps a run of {@code plannedNs} within {@value #MAX_RETAINED} snapshots. */
    static int resolutionFor(long plannedNs) {
        double planned = plannedNs / 1e9;
        for (int r : RESOLUTIONS_S) {
            if (planned / r <= MAX_RETAINED) {
                return r;
            }
        }
        return RESOLUTIONS_S[RESOLUTIONS_S.length - 1];
    }

    public Accumulator total() {
        return totalAll;
    }

    public Accumulator request(int index) {
        return totalByRequest[index];
    }

    private Accumulator empty() {
        if (empty == null) {
            empty = new Accumulator();
        }
        return empty;
    }

    /** Totals of one phase (empty for a phase no interval started in). Read only. */
    public Accumulator phase(int index) {
        return byPhase[index] == null ? empty() : byPhase[index];
    }

    /** Totals of one request in one phase, or {@code null} when that scope was not asked for. */
    public Accumulator phaseRequest(int phase, int request) {
        long k = key(phase, request);
        Accumulator a = byPhaseAndRequest.get(k);
        return !scopes.contains(k) ? null : a != null ? a : empty();
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

    /** The generator lag of the interval {@link #addInterval} merged last (valid until the next call). */
    public Histogram intervalLag() {
        return intervalLag;
    }

    public Histogram lag() {
        return totalLag;
    }

    /** Intervals starting before this (ns from the run's start) are left out of {@link #judgedLag()}. */
    public static final long JIT_WARM_UP_NS = 1_000_000_000L;

    /**
     * The generator lag the verdict judges: that of the intervals after the first second, whose lag is mostly the
     * JIT compiling the engine's paths (a short run on a quiet machine would otherwise come out INCONCLUSIVE for
     * it); the whole run's when it had no later interval. {@link #lag()} stays the whole run's, as reported.
     */
    public Histogram judgedLag() {
        return lagAfterFirstSecond.getTotalCount() > 0 ? lagAfterFirstSecond : totalLag;
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

    /** The kept time series (see the class comment); closes the snapshot being merged. Call at the end. */
    public List<IntervalSnapshot> snapshots() {
        flushWindow();
        return snapshots;
    }

    /** The generator's heap floor (bytes) per kept snapshot, in the same order. */
    public List<Long> heapFloors() {
        flushWindow();
        return heapFloors;
    }

    public List<String> requestNames() {
        return requestNames;
    }

    private static long key(int phase, int request) {
        return ((long) phase << 32) | request;
    }
}
