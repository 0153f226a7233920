package dev.onrush.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples used heap every {@code periodMs} on a daemon thread and keeps the maximum. The maximum is of
 * samples, so a peak between two samples can be missed; used heap includes garbage not yet collected.
 */
final class HeapSampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile long maxUsedBytes;
    private volatile boolean running = true;

    HeapSampler(long periodMs) {
        thread = new Thread(() -> {
            while (running) {
                maxUsedBytes = Math.max(maxUsedBytes, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(periodMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    long maxUsedBytes() {
        return maxUsedBytes;
    }

    /** @return used heap right after a full GC, in bytes */
    long usedAfterGc() {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    long maxHeapBytes() {
        return memory.getHeapMemoryUsage().getMax();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
