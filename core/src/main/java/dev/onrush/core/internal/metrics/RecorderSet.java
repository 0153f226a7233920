package dev.onrush.core.internal.metrics;

import dev.onrush.spi.ErrorKind;
import org.HdrHistogram.IntCountsHistogram;

/**
 * One shard's measurements for one interval: per request index, latency and service-time histograms and
 * counters; for the shard, generator lag, connection wait and drops.
 *
 * <p>Single writer: only the shard's event loop records into it, and the collector reads it only after a flip
 * handed it over (the flip runs on that loop, so the hand-over is a happens-before edge through the task
 * queue). Recording allocates nothing.
 */
public final class RecorderSet {

    /** Status codes 0..599 are counted in an array; others (never valid HTTP) go to {@link #otherStatus}. */
    static final int STATUS_SLOTS = 600;
    private static final ErrorKind[] KINDS = ErrorKind.values();

    final IntCountsHistogram[] latency;
    final IntCountsHistogram[] serviceTime;
    final long[] requests;
    final long[] errors;
    final long[] bytesSent;
    final long[] bytesReceived;
    final long[][] statusCounts;
    final long[][] errorKinds;
    final IntCountsHistogram lag = Histograms.newInterval();
    final IntCountsHistogram connectionWait = Histograms.newInterval();
    long droppedArrivals;
    long arrivals;
    long otherStatus;
    long clamped;
    /** Latency by payload size; {@code null} unless the test records it (volume tests, payload sizes). */
    final SizeBuckets sizes;

    /** Recorders without size classes. */
    public RecorderSet(int requestNames) {
        this(requestNames, -1);
    }

    /**
     * @param requestNames request names of the test
     * @param keyVariables {@code >= 0}: also record latency by payload size and count this many key variables'
     *                     values ({@link #sizes()}); {@code -1}: not
     */
    public RecorderSet(int requestNames, int keyVariables) {
        sizes = keyVariables >= 0 ? new SizeBuckets(keyVariables) : null;
        latency = new IntCountsHistogram[requestNames];
        serviceTime = new IntCountsHistogram[requestNames];
        for (int i = 0; i < requestNames; i++) {
            latency[i] = Histograms.newInterval();
            serviceTime[i] = Histograms.newInterval();
        }
        requests = new long[requestNames];
        errors = new long[requestNames];
        bytesSent = new long[requestNames];
        bytesReceived = new long[requestNames];
        statusCounts = new long[requestNames][STATUS_SLOTS];
        errorKinds = new long[requestNames][KINDS.length];
    }

    /**
     * A request that got a complete response.
     *
     * @param request       the request name's index
     * @param status        HTTP status
     * @param latencyNs     response end minus intended start
     * @param serviceTimeNs response end minus actual send
     * @param sent          bytes written
     * @param received      bytes read
     */
    public void recordResponse(int request, int status, long latencyNs, long serviceTimeNs, long sent,
                               long received) {
        requests[request]++;
        recordValue(latency[request], latencyNs);
        recordValue(serviceTime[request], serviceTimeNs);
        bytesSent[request] += sent;
        bytesReceived[request] += received;
        if (status >= 0 && status < STATUS_SLOTS) {
            statusCounts[request][status]++;
        } else {
            otherStatus++;
        }
        if (status >= 500) {
            errors[request]++;
            errorKinds[request][ErrorKind.HTTP_5XX.ordinal()]++;
        } else if (status >= 400) {
            errors[request]++;
            errorKinds[request][ErrorKind.HTTP_4XX.ordinal()]++;
        }
    }

    /**
     * A request that failed without a complete response.
     *
     * @param serviceTimeNs response end minus actual send, or {@code -1} when it was never sent
     */
    public void recordFailure(int request, ErrorKind kind, long latencyNs, long serviceTimeNs, long sent,
                              long received) {
        requests[request]++;
        errors[request]++;
        errorKinds[request][kind.ordinal()]++;
        recordValue(latency[request], latencyNs);
        if (serviceTimeNs >= 0) {
            recordValue(serviceTime[request], serviceTimeNs);
        }
        bytesSent[request] += sent;
        bytesReceived[request] += received;
    }

    /** Latency by payload size, or {@code null} when this test does not record it. */
    public SizeBuckets sizes() {
        return sizes;
    }

    /** The engine got to an arrival or a user's next request {@code lagNs} after it was due. */
    public void recordLag(long lagNs) {
        recordValue(lag, lagNs);
    }

    /** A request waited {@code waitNs} between the engine getting to it and its send. */
    public void recordConnectionWait(long waitNs) {
        recordValue(connectionWait, waitNs);
    }

    /** An open-model arrival happened (whether it was served or dropped). */
    public void recordArrival() {
        arrivals++;
    }

    /** An open-model arrival was dropped because the wait queue was full. */
    public void recordDrop() {
        droppedArrivals++;
    }

    /** Clears everything, ready for the next interval. */
    public void reset() {
        for (int i = 0; i < latency.length; i++) {
            latency[i].reset();
            serviceTime[i].reset();
            java.util.Arrays.fill(statusCounts[i], 0);
            java.util.Arrays.fill(errorKinds[i], 0);
        }
        java.util.Arrays.fill(requests, 0);
        java.util.Arrays.fill(errors, 0);
        java.util.Arrays.fill(bytesSent, 0);
        java.util.Arrays.fill(bytesReceived, 0);
        lag.reset();
        connectionWait.reset();
        droppedArrivals = 0;
        arrivals = 0;
        otherStatus = 0;
        clamped = 0;
        if (sizes != null) {
            sizes.reset();
        }
    }

    private void recordValue(IntCountsHistogram h, long ns) {
        if (ns > Histograms.HIGHEST_NS) {
            clamped++;
        }
        h.recordValue(Histograms.clamp(ns));
    }
}
