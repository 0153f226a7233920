package dev.onrush.core.internal.schedule;

import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.Phase;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The phases of a run laid out in time. Thread-safe. The phase lengths are fixed; the rate of a <em>steered</em>
 * phase (a stress search's later steps) is decided while the run goes, once, by {@link #steer}, before the shards
 * reach it; until then it reads as undecided and a shard's {@link ArrivalSchedule} waits for it. Every other
 * phase keeps its planned shape.
 */
public final class Timeline {

    /** The bits of NaN: a steered phase whose rate is not decided yet. */
    private static final long UNDECIDED = Double.doubleToRawLongBits(Double.NaN);

    private final List<Phase> phases;
    private final long[] startNs;
    private final long[] lengthNs;
    private final long totalNs;
    /** Per phase: {@code false}, or whether its rate is decided during the run. */
    private final boolean[] steerable;
    /** Per phase: the decided rate's bits, {@link #UNDECIDED} before; written once by {@link #steer}. */
    private final AtomicLongArray steered;

    public Timeline(List<Phase> phases) {
        this(phases, Set.of());
    }

    /**
     * @param steeredPhases the indices of phases (open model) whose rate {@link #steer} decides during the run
     */
    public Timeline(List<Phase> phases, Set<Integer> steeredPhases) {
        this.steerable = new boolean[phases.size()];
        this.steered = new AtomicLongArray(phases.size());
        for (int i : steeredPhases) {
            if (!(phases.get(i).shape() instanceof LoadShape.Rate)) {
                throw new IllegalArgumentException("phase " + phases.get(i).name() + " is not a rate phase");
            }
            steerable[i] = true;
            steered.set(i, UNDECIDED);
        }
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

    /** Whether phase {@code i}'s rate is decided during the run. */
    public boolean isSteered(int i) {
        return steerable[i];
    }

    /** The rate decided for steered phase {@code i}, {@code NaN} while undecided. Any thread. */
    public double steeredRate(int i) {
        return Double.longBitsToDouble(steered.get(i));
    }

    /**
     * Decides steered phase {@code i}'s constant rate ({@code >= 0}; 0 = no arrivals). Any thread; each phase is
     * decided once.
     */
    public void steer(int i, double ratePerSec) {
        if (!steerable[i]) {
            throw new IllegalArgumentException("phase " + phases.get(i).name() + " is not steered");
        }
        if (!(ratePerSec >= 0) || Double.isInfinite(ratePerSec)) {
            throw new IllegalArgumentException("rate must be finite and >= 0, got " + ratePerSec);
        }
        if (!steered.compareAndSet(i, UNDECIDED, Double.doubleToRawLongBits(ratePerSec))) {
            throw new IllegalStateException("phase " + phases.get(i).name() + " was decided already");
        }
    }

    /** What phase {@code i} ran at: its shape, or the rate decided for it ("undecided" if none was). */
    public String describe(int i) {
        if (!steerable[i]) {
            return shape(i).describe();
        }
        double r = steeredRate(i);
        return Double.isNaN(r) ? "undecided" : r == 0 ? "idle (rate 0/s)" : LoadShape.rate(r, r).describe();
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
        if (steerable[i]) {
            double decided = steeredRate(i);
            return Double.isNaN(decided) ? 0 : decided;
        }
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
