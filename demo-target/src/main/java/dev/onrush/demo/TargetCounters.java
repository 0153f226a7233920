package dev.onrush.demo;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request and response counts of one target. Thread-safe (adders written by any event loop); reads are
 * not an atomic snapshot across counters.
 */
final class TargetCounters {

    private final LongAdder received = new LongAdder();
    private final ConcurrentMap<Integer, LongAdder> responsesByStatus = new ConcurrentHashMap<>();

    void recordReceived() {
        received.increment();
    }

    void recordResponse(int status) {
        responsesByStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    long received() {
        return received.sum();
    }

    long responses(int status) {
        LongAdder adder = responsesByStatus.get(status);
        return adder == null ? 0 : adder.sum();
    }

    long responses() {
        return responsesByStatus.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** @return status to count, sorted by status */
    Map<Integer, Long> responsesByStatus() {
        Map<Integer, Long> copy = new TreeMap<>();
        responsesByStatus.forEach((status, adder) -> copy.put(status, adder.sum()));
        return copy;
    }
}
