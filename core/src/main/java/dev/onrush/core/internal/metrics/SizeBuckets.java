package dev.onrush.core.internal.metrics;

import org.HdrHistogram.IntCountsHistogram;

/**
 * One shard's latency by payload-size class for one interval, and how many values each key variable
 * ({@code ${counter}}, {@code ${uuid}}, {@code ${random:…}}) produced. Part of a {@link RecorderSet} only for volume
 * tests and plans with payload sizes, so other runs pay nothing.
 *
 * <p>A request's size is the larger of its request body and its response body (bytes, framing and headers
 * excluded); class {@code k} holds sizes in {@code [2^k, 2^(k+1))}, class 0 also holds 0. A class's histogram is
 * made the first time a request falls into it (a run with sizes 1 KiB to 10 MiB uses 14 of them).
 *
 * <p>Single writer, the shard's event loop, like its {@link RecorderSet}; recording allocates nothing once a class
 * has its histogram.
 */
public final class SizeBuckets {

    /** Classes 0 .. 62: every non-negative long has one. */
    public static final int CLASSES = 63;

    final IntCountsHistogram[] latency = new IntCountsHistogram[CLASSES];
    final long[] requests = new long[CLASSES];
    final long[] errors = new long[CLASSES];
    final long[] keyValues;

    /** @param keyVariables how many distinct key variables the test's templates use */
    public SizeBuckets(int keyVariables) {
        this.keyValues = new long[keyVariables];
    }

    /** The class of a payload of {@code bytes} ({@code >= 0}). */
    public static int sizeClass(long bytes) {
        return bytes <= 1 ? 0 : 63 - Long.numberOfLeadingZeros(bytes);
    }

    /**
     * A request that got a complete response.
     *
     * @param requestBodyBytes  bytes of its body (0 when none)
     * @param responseBodyBytes bytes of its response body
     * @param status            HTTP status; 4xx and 5xx count as errors
     * @param latencyNs         latency from the intended start
     */
    public void record(long requestBodyBytes, long responseBodyBytes, int status, long latencyNs) {
        int k = sizeClass(Math.max(requestBodyBytes, responseBodyBytes));
        IntCountsHistogram h = latency[k];
        if (h == null) {
            h = latency[k] = Histograms.newInterval();
        }
        // a clamp is counted once, by the request's own latency histogram
        h.recordValue(Histograms.clamp(latencyNs));
        requests[k]++;
        if (status >= 400) {
            errors[k]++;
        }
    }

    /** Key variable {@code index} produced one more value. */
    public void countKey(int index) {
        keyValues[index]++;
    }

    /** Clears the counts, keeping the histograms made so far. */
    void reset() {
        for (int k = 0; k < CLASSES; k++) {
            if (latency[k] != null) {
                latency[k].reset();
            }
        }
        java.util.Arrays.fill(requests, 0);
        java.util.Arrays.fill(errors, 0);
        java.util.Arrays.fill(keyValues, 0);
    }
}
