package dev.onrush.core.internal.metrics;

import dev.onrush.spi.ErrorKind;
import dev.onrush.spi.RequestStats;
import dev.onrush.spi.Totals;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.TreeMap;

/**
 * Merged measurements of a set of requests over a span (an interval, a phase, the run). Collector thread only.
 */
public final class Accumulator {

    private static final ErrorKind[] KINDS = ErrorKind.values();

    final Histogram latency = Histograms.newTotal();
    final Histogram serviceTime = Histograms.newTotal();
    long requests;
    long errors;
    long bytesSent;
    long bytesReceived;
    final long[] statusCounts = new long[RecorderSet.STATUS_SLOTS];
    final long[] errorKinds = new long[KINDS.length];

    /** Adds request {@code index} of a shard's interval recorders. */
    void add(RecorderSet r, int index) {
        latency.add(r.latency[index]);
        serviceTime.add(r.serviceTime[index]);
        requests += r.requests[index];
        errors += r.errors[index];
        bytesSent += r.bytesSent[index];
        bytesReceived += r.bytesReceived[index];
        long[] s = r.statusCounts[index];
        for (int i = 0; i < s.length; i++) {
            statusCounts[i] += s[i];
        }
        long[] k = r.errorKinds[index];
        for (int i = 0; i < k.length; i++) {
            errorKinds[i] += k[i];
        }
    }

    /** Adds everything of {@code other}. */
    void add(Accumulator other) {
        latency.add(other.latency);
        serviceTime.add(other.serviceTime);
        requests += other.requests;
        errors += other.errors;
        bytesSent += other.bytesSent;
        bytesReceived += other.bytesReceived;
        for (int i = 0; i < statusCounts.length; i++) {
            statusCounts[i] += other.statusCounts[i];
        }
        for (int i = 0; i < errorKinds.length; i++) {
            errorKinds[i] += other.errorKinds[i];
        }
    }

    void reset() {
        latency.reset();
        serviceTime.reset();
        requests = errors = bytesSent = bytesReceived = 0;
        java.util.Arrays.fill(statusCounts, 0);
        java.util.Arrays.fill(errorKinds, 0);
    }

    public long requests() {
        return requests;
    }

    public long errors() {
        return errors;
    }

    public AbstractHistogram latency() {
        return latency;
    }

    public AbstractHistogram serviceTime() {
        return serviceTime;
    }

    /** Failures of {@code kind}. */
    public long errorsOf(ErrorKind kind) {
        return errorKinds[kind.ordinal()];
    }

    public double errorRatePercent() {
        return requests == 0 ? 0 : round(100.0 * errors / requests);
    }

    /** Everything as a {@link RequestStats} over {@code seconds}. */
    public RequestStats toStats(double seconds) {
        return new RequestStats(requests, errors, errorRatePercent(), rate(requests, seconds), bytesSent,
                bytesReceived, Histograms.stats(latency), Histograms.stats(serviceTime), statusMap(), kindMap());
    }

    /** Counts and volume over {@code seconds}. */
    public Totals toTotals(double seconds) {
        double mbps = seconds <= 0 ? 0 : round((bytesSent + bytesReceived) / 1e6 / seconds);
        return new Totals(requests, errors, errorRatePercent(), rate(requests, seconds), bytesSent, bytesReceived,
                mbps);
    }

    /** Responses per status code, as text keys in numeric order. */
    public Map<String, Long> statusMap() {
        Map<String, Long> map = new TreeMap<>();
        for (int i = 0; i < statusCounts.length; i++) {
            if (statusCounts[i] > 0) {
                map.put(Integer.toString(i), statusCounts[i]);
            }
        }
        return map;
    }

    /** Failures per error kind key. */
    public Map<String, Long> kindMap() {
        Map<String, Long> map = new TreeMap<>();
        for (int i = 0; i < errorKinds.length; i++) {
            if (errorKinds[i] > 0) {
                map.put(KINDS[i].key(), errorKinds[i]);
            }
        }
        return map;
    }

    static double rate(long count, double seconds) {
        return seconds <= 0 ? 0 : round(count / seconds);
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
