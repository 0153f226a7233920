package dev.onrush.testkit;

import dev.onrush.testkit.DemoTarget.Options;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the event loops of one {@link DemoTarget} share: the options in effect, the stall schedule, the
 * capacity queue, the counters and the order ids. Thread-safe: options and stalls are volatile and
 * replaced together under this object's lock; the other parts are thread-safe themselves.
 */
final class TargetState {

    private final TargetCounters counters = new TargetCounters();
    private final ItemCounters items = new ItemCounters();
    private final ServiceQueue<ServiceJob> queue;
    private final AtomicLong lastOrderId = new AtomicLong();
    private volatile Options options;
    private volatile StallSchedule stalls;
    private long originNs;

    TargetState(Options options) {
        this.options = options;
        this.queue = new ServiceQueue<>(options.capacity());
        startClock(System.nanoTime());
    }

    /** Anchors the stall schedule at {@code originNs}, a {@link System#nanoTime()} value. */
    synchronized void startClock(long originNs) {
        this.originNs = originNs;
        this.stalls = StallSchedule.of(originNs, options.stallDuration(), options.stallPeriod());
    }

    /**
     * Applies the runtime-changeable fields of {@code requested} and starts the queued requests a raised
     * capacity admits. Host, port, event loops and seed keep their current values.
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
        options = merged;
        queue.resize(merged.capacity()).forEach(ServiceJob::startOnItsContext);
    }

    Options options() {
        return options;
    }

    StallSchedule stalls() {
        return stalls;
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
}
