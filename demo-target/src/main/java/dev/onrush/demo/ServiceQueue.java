package dev.onrush.demo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Admission to a server with limited capacity: at most {@code capacity} jobs in service at once, the rest
 * wait in FIFO order. A capacity of {@code 0} means unlimited.
 *
 * <p>Thread-safe: every method is synchronized, because the event loops of one target share one queue.
 * The queue only decides; starting an admitted job is the caller's business.
 *
 * <p>It also keeps the time since which jobs have been waiting without a break ({@link #busySinceNs()}), read
 * by the capacity scaler: the clock is read only when the queue turns from empty to non-empty, or on a resize.
 *
 * @param <T> the job type
 */
final class ServiceQueue<T> {

    private final ArrayDeque<T> waiting = new ArrayDeque<>();
    private final LongSupplier clockNs;
    private int capacity;
    private int inService;
    private int maxQueued;
    /** When the queue last turned non-empty (or was resized while non-empty); -1 while it is empty. */
    private long busySinceNs = -1;

    ServiceQueue(int capacity) {
        this(capacity, System::nanoTime);
    }

    /** @param clockNs a {@link System#nanoTime()}-like clock */
    ServiceQueue(int capacity, LongSupplier clockNs) {
        this.capacity = capacity;
        this.clockNs = clockNs;
    }

    /**
     * Admits the job into service if there is room, else queues it.
     *
     * @return true if the caller must start the job now, false if it was queued
     */
    synchronized boolean admit(T job) {
        if (hasRoom()) {
            inService++;
            return true;
        }
        if (waiting.isEmpty()) {
            busySinceNs = clockNs.getAsLong();
        }
        waiting.addLast(job);
        maxQueued = Math.max(maxQueued, waiting.size());
        return false;
    }

    /**
     * Ends the service of one job and admits the next waiting one, if any.
     *
     * @return the job the caller must start now, or null
     */
    synchronized T release() {
        inService--;
        if (!waiting.isEmpty() && hasRoom()) {
            inService++;
            T next = waiting.pollFirst();
            if (waiting.isEmpty()) {
                busySinceNs = -1;
            }
            return next;
        }
        return null;
    }

    /**
     * Changes the capacity. Jobs already in service above a lowered capacity finish normally. If jobs are still
     * waiting afterwards, the busy clock restarts now: overload is measured anew against the new capacity.
     *
     * @return the waiting jobs admitted by a raised capacity, in FIFO order, which the caller must start
     */
    synchronized List<T> resize(int newCapacity) {
        capacity = newCapacity;
        List<T> admitted = new ArrayList<>();
        while (!waiting.isEmpty() && hasRoom()) {
            inService++;
            admitted.add(waiting.pollFirst());
        }
        busySinceNs = waiting.isEmpty() ? -1 : clockNs.getAsLong();
        return admitted;
    }

    synchronized int capacity() {
        return capacity;
    }

    /** @return since when (clock value) jobs have been waiting without a break, or -1 if none is waiting */
    synchronized long busySinceNs() {
        return busySinceNs;
    }

    synchronized int inService() {
        return inService;
    }

    synchronized int queued() {
        return waiting.size();
    }

    synchronized int maxQueued() {
        return maxQueued;
    }

    private boolean hasRoom() {
        return capacity == 0 || inService < capacity;
    }
}
