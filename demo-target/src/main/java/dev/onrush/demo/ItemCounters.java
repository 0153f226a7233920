package dev.onrush.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the {@code /api/items/{key}} endpoint saw, for volume tests: the distinct keys (the first
 * {@link #MAX_KEYS} kept, so memory stays bounded), the request body bytes, and the first {@link #MAX_SIZES} body
 * sizes in arrival order. Thread-safe (written by any event loop); reads are not an atomic snapshot.
 */
final class ItemCounters {

    static final int MAX_KEYS = 1_000_000;
    static final int MAX_SIZES = 100_000;

    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final LongAdder bodyBytes = new LongAdder();
    private final ConcurrentLinkedQueue<Long> sizes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sizeCount = new AtomicInteger();

    void recordKey(String key) {
        if (keys.size() < MAX_KEYS) {
            keys.add(key);
        }
    }

    void recordBody(long bytes) {
        bodyBytes.add(bytes);
        if (sizeCount.getAndIncrement() < MAX_SIZES) {
            sizes.add(bytes);
        }
    }

    long distinctKeys() {
        return keys.size();
    }

    long bodyBytes() {
        return bodyBytes.sum();
    }

    List<Long> bodySizes() {
        return new ArrayList<>(sizes);
    }
}
