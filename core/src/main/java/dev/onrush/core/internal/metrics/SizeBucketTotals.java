package dev.onrush.core.internal.metrics;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * The run's latency by payload-size class: the merge of every shard's {@link SizeBuckets} over every interval, and
 * the values each key variable produced. Collector thread only.
 */
public final class SizeBucketTotals {

    private final Histogram[] latency = new Histogram[SizeBuckets.CLASSES];
    private final long[] requests = new long[SizeBuckets.CLASSES];
    private final long[] errors = new long[SizeBuckets.CLASSES];
    private final long[] keyValues;

    SizeBucketTotals(int keyVariables) {
        this.keyValues = new long[keyVariables];
    }

    void add(SizeBuckets b) {
        for (int k = 0; k < SizeBuckets.CLASSES; k++) {
            if (b.requests[k] == 0) {
                continue;
            }
            if (latency[k] == null) {
                latency[k] = Histograms.newTotal();
            }
            latency[k].add(b.latency[k]);
            requests[k] += b.requests[k];
            errors[k] += b.errors[k];
        }
        for (int i = 0; i < keyValues.length; i++) {
            keyValues[i] += b.keyValues[i];
        }
    }

    /** Requests in size class {@code k}. */
    public long requests(int k) {
        return requests[k];
    }

    /** Requests in size class {@code k} answered with 4xx or 5xx. */
    public long errors(int k) {
        return errors[k];
    }

    /** The merged latency histogram of class {@code k}, or {@code null} when it had no request. */
    public AbstractHistogram latency(int k) {
        return latency[k];
    }

    /** Values produced by key variable {@code index}. */
    public long keyValues(int index) {
        return keyValues[index];
    }

    /** How many key variables are counted. */
    public int keyVariables() {
        return keyValues.length;
    }
}
