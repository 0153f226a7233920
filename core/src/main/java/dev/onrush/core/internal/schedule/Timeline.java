package dev.onrush.core.internal.schedule;

import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.Phase;

import java.util.List;

/**
 * The phases of a run laid out in time. Immutable, thread-safe.
 */
public final class Timeline {

    private final List<Phase> phases;
    private final long[] startNs;
    private final long[] lengthNs;
    private final long totalNs;

    public Timeline(List<Phase> phases) {
        this.phases = List.copyOf(phases);
        this.startNs = new long[phases.size()];
        this.lengthNs = new long[phases.size()];
        long t = 0;
        for (int i = 0; i < phases.size(); i++) {
            startNs[i] = t;
            lengthNs[i] = phases.get(i).duration().toNanos();
            t += lengthNs[i];
        }
        this.totalNs = t;
    }

    public List<Phase> phases() {
        return phases;
    }

    public int size() {
        return phases.size();
    }

    /** The run's planned length. */
    public long totalNs() {
        return totalNs;
    }

    public long startNs(int phase) {
        return startNs[phase];
    }

    public long lengthNs(int phase) {
        return lengthNs[phase];
    }

    public LoadShape shape(int phase) {
        return phases.get(phase).shape();
    }

    /** The index of the phase running at {@code tNs} (the last one at or after the end, the first before 0). */
    public int phaseAt(long tNs) {
        for (int i = phases.size() - 1; i > 0; i--) {
            if (tNs >= startNs[i]) {
                return i;
            }
        }
        return 0;
    }

    /** The virtual users the plan asks for at {@code tNs} over the whole run (0 in rate phases and after the end). */
    public double usersAt(long tNs) {
        if (tNs < 0 || tNs >= totalNs) {
            return 0;
        }
        int i = phaseAt(tNs);
        if (!(shape(i) instanceof LoadShape.Users u)) {
            return 0;
        }
        return u.from() + (u.to() - u.from()) * ((double) (tNs - startNs[i]) / lengthNs[i]);
    }

    /** The arrival rate per second the plan asks for at {@code tNs} (0 in user phases and after the end). */
    public double rateAt(long tNs) {
        if (tNs < 0 || tNs >= totalNs) {
            return 0;
        }
        int i = phaseAt(tNs);
        if (!(shape(i) instanceof LoadShape.Rate r)) {
            return 0;
        }
        return r.fromPerSec() + (r.toPerSec() - r.fromPerSec()) * ((double) (tNs - startNs[i]) / lengthNs[i]);
    }

    /**
     * How many users should be alive at {@code tNs}: the whole part of {@link #usersAt}, so user {@code j}
     * (0-based) is alive while the count is above {@code j}.
     */
    public int userCountAt(long tNs) {
        if (tNs < 0 || tNs >= totalNs) {
            return 0;
        }
        int i = phaseAt(tNs);
        return shape(i) instanceof LoadShape.Users u ? countIn(u, i, tNs) : 0;
    }

    /**
     * The first time at or after {@code fromNs} when {@link #userCountAt} is at least {@code count}, or
     * {@code -1} if that never happens again. Exact for linear ramps, and O(phases): it is called for every user
     * a ramp starts.
     */
    public long timeUsersReach(int count, long fromNs) {
        long from = Math.max(0, fromNs);
        for (int i = phaseAt(from); i < phases.size(); i++) {
            long lo = Math.max(startNs[i], from);
            if (shape(i) instanceof LoadShape.Users u && lo < startNs[i] + lengthNs[i]) {
                long t = firstAtLeast(u, i, count, lo);
                if (t >= 0) {
                    return t;
                }
            }
        }
        return -1;
    }

    /** The first time in {@code [lo, end of phase i)} when phase i's user count is at least {@code count}, or -1. */
    private long firstAtLeast(LoadShape.Users u, int i, int count, long lo) {
        long end = startNs[i] + lengthNs[i];
        if (countIn(u, i, lo) >= count) {
            return lo;
        }
        if (u.to() <= u.from() || u.to() < count) {
            return -1; // flat or falling: it will not rise to count within this phase
        }
        double fraction = (count - u.from()) / (double) (u.to() - u.from());
        long t = Math.max(lo, startNs[i] + (long) Math.ceil(fraction * lengthNs[i]));
        // the closed form can land a few nanoseconds early through rounding
        for (int step = 0; step < 16 && t < end && countIn(u, i, t) < count; step++) {
            t++;
        }
        return t < end && countIn(u, i, t) >= count ? t : -1;
    }

    private int countIn(LoadShape.Users u, int i, long tNs) {
        double users = u.from() + (u.to() - u.from()) * ((double) (tNs - startNs[i]) / lengthNs[i]);
        return (int) Math.floor(users + 1e-9);
    }

    /** The start of the next phase after {@code tNs}, or {@link #totalNs()} when in the last phase. */
    public long nextBoundaryNs(long tNs) {
        for (int i = 0; i < phases.size(); i++) {
            if (startNs[i] > tNs) {
                return startNs[i];
            }
        }
        return totalNs;
    }
}
