package dev.onrush.core.internal.schedule;

import dev.onrush.core.model.LoadShape;

/**
 * The open-model arrival times of one shard: arrivals {@code k = offset, offset + stride, offset + 2*stride, ...}
 * of the run-wide sequence, where arrival {@code k} is due when the integrated rate since the start of the run
 * reaches {@code k} (so arrival 0 is due when the first rate phase starts). Over all shards
 * ({@code offset = 0..stride-1}) the union is exactly the run-wide sequence.
 *
 * <p>Not thread-safe: one instance per shard, used on its event loop. No allocation per arrival.
 */
public final class ArrivalSchedule {

    /** Returned by {@link #nextFireTimeNs()} once no arrival is left in the run. */
    public static final long NONE = Long.MAX_VALUE;
    /**
     * Returned by {@link #nextFireTimeNs()} while the next arrival lies in a steered phase whose rate is not decided
     * yet: call {@link #retry()} a little later.
     */
    public static final long UNDECIDED = Long.MAX_VALUE - 1;

    private final Timeline timeline;
    private final int stride;
    private long k;
    private int phase;
    /** Arrivals integrated over the rate phases before {@link #phase}. */
    private double cumulativeBeforePhase;
    private long next;

    /**
     * @param timeline the run's phases
     * @param offset   this shard's index, {@code 0 <= offset < stride}
     * @param stride   the number of shards
     */
    public ArrivalSchedule(Timeline timeline, int offset, int stride) {
        if (stride < 1 || offset < 0 || offset >= stride) {
            throw new IllegalArgumentException("need 0 <= offset < stride, got offset=" + offset + " stride=" + stride);
        }
        this.timeline = timeline;
        this.stride = stride;
        this.k = offset;
        this.next = compute();
    }

    /** When the next arrival of this shard is due, in ns from the run's start, or {@link #NONE}. */
    public long nextFireTimeNs() {
        return next;
    }

    /** Computes the due time again after {@link #UNDECIDED}; returns it. */
    public long retry() {
        if (next == UNDECIDED) {
            next = compute();
        }
        return next;
    }

    /** Moves on to the following arrival and returns its due time (or {@link #NONE}, {@link #UNDECIDED}). */
    public long advance() {
        if (next != NONE && next != UNDECIDED) {
            k += stride;
            next = compute();
        }
        return next;
    }

    /** The run-wide index of the arrival {@link #nextFireTimeNs()} refers to. */
    public long arrivalIndex() {
        return k;
    }

    private long compute() {
        while (phase < timeline.size()) {
            LoadShape shape = timeline.shape(phase);
            if (timeline.isSteered(phase) && Double.isNaN(timeline.steeredRate(phase))) {
                return UNDECIDED;
            }
            if (shape instanceof LoadShape.Rate planned) {
                double r0 = planned.fromPerSec();
                double r1 = planned.toPerSec();
                if (timeline.isSteered(phase)) {
                    r0 = timeline.steeredRate(phase);
                    r1 = r0;
                }
                double lengthSec = timeline.lengthNs(phase) / 1e9;
                double inPhase = (r0 + r1) / 2 * lengthSec;
                double x = k - cumulativeBeforePhase;
                if (x < inPhase) {
                    double tau = solve(r0, r1, lengthSec, x);
                    long t = timeline.startNs(phase) + (long) Math.ceil(tau * 1e9);
                    return Math.min(t, timeline.startNs(phase) + timeline.lengthNs(phase) - 1);
                }
                cumulativeBeforePhase += inPhase;
            }
            phase++;
        }
        return NONE;
    }

    /**
     * Seconds {@code tau} into a ramp from {@code r0} to {@code r1} over {@code lengthSec} at which
     * {@code r0*tau + (r1-r0)*tau^2/(2*lengthSec) = x}. Uses the form {@code 2x / (b + sqrt(b^2 + 4ax))}, which
     * stays exact when the ramp is flat ({@code a = 0}) and when it starts at 0.
     */
    static double solve(double r0, double r1, double lengthSec, double x) {
        if (x <= 0) {
            return 0;
        }
        double a = (r1 - r0) / (2 * lengthSec);
        double b = r0;
        double disc = b * b + 4 * a * x;
        return 2 * x / (b + Math.sqrt(Math.max(0, disc)));
    }
}
