package dev.onrush.testkit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Admission to a server with limited capacity: at most {@code capacity} jobs in service at once, the rest
 * wait in FIFO order. A capacity of {@code 0} means unlimited.
 *
 * <p>Thread-safe: every method is synchronized, because the event loops of one target share one queue.
 * The queue only decides; starting an admitted job is the caller's business.
 *
 * @param <T> the job type
 */
final class ServiceQueue<T> {

    private final ArrayDeque<T> waiting = new ArrayDeque<>();
    private int capacity;
    private int inService;
    private int maxQueued;

    ServiceQueue(int capacity) {
        this.capacity = capacity;
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
            return waiting.pollFirst();
        }
        return null;
    }

    /**
     * Changes the capacity. Jobs already in service above a lowered capacity finish normally.
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
        return admitted;
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
