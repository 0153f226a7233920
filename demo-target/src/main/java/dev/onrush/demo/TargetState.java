package dev.onrush.demo;

import dev.onrush.demo.DemoTarget.Options;
import dev.onrush.demo.DemoTarget.ScaleEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the event loops of one {@link DemoTarget} share: the options in effect, the stall schedule, the leak,
 * the capacity queue, the scale events, the counters and the order ids. Thread-safe: options, stalls and leak
 * are volatile and replaced together under this object's lock, as are capacity changes (so a scaling step and a
 * reconfiguration cannot interleave); the other parts are thread-safe themselves.
 */
final class TargetState {

    /** Scale events kept for {@code /admin/capacity}; older ones are dropped. */
    static final int MAX_SCALE_EVENTS = 1_000;

    private final TargetCounters counters = new TargetCounters();
    private final ItemCounters items = new ItemCounters();
    private final ServiceQueue<ServiceJob> queue;
    private final AtomicLong lastOrderId = new AtomicLong();
    private final ArrayDeque<ScaleEvent> scaleEvents = new ArrayDeque<>();
    private volatile Options options;
    private volatile StallSchedule stalls;
    private volatile LeakClock leak;
    private long originNs;

    TargetState(Options options) {
        this.options = options;
        this.queue = new ServiceQueue<>(options.capacity());
        startClock(System.nanoTime());
    }

    /** Anchors the stall schedule and the leak at {@code originNs}, a {@link System#nanoTime()} value. */
    synchronized void startClock(long originNs) {
        this.originNs = originNs;
        this.stalls = StallSchedule.of(originNs, options.stallDuration(), options.stallPeriod());
        this.leak = new LeakClock(0, originNs, options.leakPerSecond().toNanos());
    }

    /**
     * Applies the runtime-changeable fields of {@code requested} and starts the queued requests a raised
     * capacity admits. Host, port, event loops and seed keep their current values. A changed capacity resets
     * the current one to it; otherwise a scaled capacity stays, clamped to the new scaling range.
     */
    synchronized void reconfigure(Options requested) {
        Options current = options;
        Options merged = requested.newBuilder()
                .host(current.host())
                .port(current.port())
                .eventLoops(current.eventLoops())
                .seed(current.seed())
                .build();
        stalls = StallSchedule.of(originNs, merged.stallDuration(), merged.stallPeriod());
        if (!merged.leakPerSecond().equals(current.leakPerSecond())) {
            long nowNs = System.nanoTime();
            long rateNs = merged.leakPerSecond().toNanos();
            leak = new LeakClock(rateNs == 0 ? 0 : leak.leakedNs(nowNs), nowNs, rateNs);
        }
        options = merged;
        int now = queue.capacity();
        int next = merged.capacity();
        if (merged.capacity() == current.capacity() && now > 0) {
            int max = merged.scales() ? merged.maxCapacity() : merged.capacity();
            next = Math.max(merged.capacity(), Math.min(now, max));
        }
        queue.resize(next).forEach(ServiceJob::startOnItsContext);
    }

    /**
     * One scaling step, if the capacity is still {@code from} (a reconfiguration may have changed it since the
     * scaler looked): resizes, starts the waiting requests it admits and records the event.
     *
     * @return whether the step was made
     */
    synchronized boolean scale(int from, int to) {
        if (queue.capacity() != from) {
            return false;
        }
        queue.resize(to).forEach(ServiceJob::startOnItsContext);
        if (scaleEvents.size() == MAX_SCALE_EVENTS) {
            scaleEvents.removeFirst();
        }
        scaleEvents.addLast(new ScaleEvent(Instant.now(), from, to));
        return true;
    }

    synchronized List<ScaleEvent> scaleEvents() {
        return List.copyOf(scaleEvents);
    }

    Options options() {
        return options;
    }

    StallSchedule stalls() {
        return stalls;
    }

    /** @return the service time the leak adds now, in nanoseconds */
    long leakNs(long nowNs) {
        return leak.leakedNs(nowNs);
    }

    ServiceQueue<ServiceJob> queue() {
        return queue;
    }

    ItemCounters items() {
        return items;
    }

    TargetCounters counters() {
        return counters;
    }

    /** @return the next order id, 1 for the first order */
    long nextOrderId() {
        return lastOrderId.incrementAndGet();
    }

    /**
     * A leak: {@code baseNs} leaked before {@code sinceNs}, then {@code ratePerSecondNs} more per second.
     * Immutable.
     */
    record LeakClock(long baseNs, long sinceNs, long ratePerSecondNs) {

        long leakedNs(long nowNs) {
            if (ratePerSecondNs == 0) {
                return baseNs;
            }
            double leaked = baseNs + ratePerSecondNs * (Math.max(0, nowNs - sinceNs) / 1e9);
            return leaked >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) leaked;
        }
    }
}
