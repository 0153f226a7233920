package dev.onrush.demo;

import dev.onrush.demo.DemoTarget.Options;

/**
 * The scaling decisions of one {@link DemoTarget}, made on each {@link #tick} (a periodic Vert.x timer on one
 * event loop; see {@link DemoTarget} for the rules). Scale out acts on the queue's exact busy clock; scale in is
 * judged at the ticks (a step too much capacity at every tick for {@code scaleInIdle}).
 *
 * <p>Thread: {@link #tick} is called by one thread at a time (the timer's event loop); its own state is confined
 * to it. Capacity changes go through {@link TargetState#scale}, which is thread-safe.
 */
final class CapacityScaler {

    /** How often the timer ticks. */
    static final long TICK_MS = 10;

    private final TargetState state;
    /** Since when (clock value) the capacity has been a step too large at every tick; -1 = not now. */
    private long quietSinceNs = -1;

    CapacityScaler(TargetState state) {
        this.state = state;
    }

    /** Makes at most one scaling step, if one is due at {@code nowNs} (a {@link System#nanoTime()} value). */
    void tick(long nowNs) {
        Options options = state.options();
        if (!options.scales()) {
            quietSinceNs = -1;
            return;
        }
        ServiceQueue<ServiceJob> queue = state.queue();
        int capacity = queue.capacity();
        long busySinceNs = queue.busySinceNs();
        if (busySinceNs >= 0 && capacity < options.maxCapacity()
                && nowNs - busySinceNs >= options.scaleOutDelay().toNanos()) {
            quietSinceNs = -1;
            state.scale(capacity, Math.min(options.maxCapacity(), capacity + options.scaleOutStep()));
            return;
        }
        boolean tooLarge = !options.scaleInIdle().isZero() && capacity > options.capacity()
                && busySinceNs < 0 && queue.inService() <= capacity - options.scaleOutStep();
        if (!tooLarge) {
            quietSinceNs = -1;
        } else if (quietSinceNs < 0) {
            quietSinceNs = nowNs;
        } else if (nowNs - quietSinceNs >= options.scaleInIdle().toNanos()) {
            quietSinceNs = nowNs; // the next step in needs another idle period
            state.scale(capacity, Math.max(options.capacity(), capacity - options.scaleOutStep()));
        }
    }
}
