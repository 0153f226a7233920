package dev.onrush.core.internal.analysis;

import dev.onrush.core.internal.metrics.SizeBucketTotals;
import dev.onrush.core.internal.metrics.SizeBuckets;
import dev.onrush.core.model.PayloadSize;
import dev.onrush.spi.Totals;
import org.HdrHistogram.AbstractHistogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A volume test's question: how much data went through, and how does latency grow with the payload?
 *
 * <ul>
 *   <li>{@code sent_mb_per_s}, {@code received_mb_per_s}: bytes on the wire (request and response heads included)
 *       per second of generation, in MB of 10<sup>6</sup> bytes, with the byte totals;</li>
 *   <li>{@code buckets}: per power-of-two size class of a request's payload (the larger of its request body and
 *       its response body), the requests, errors and latency percentiles from the class's merged histogram;
 *       a class label {@code "1KiB-2KiB"} holds {@code [1024, 2047]} bytes; only requests with a complete
 *       response are classed;</li>
 *   <li>{@code keys}: per key variable, the values made and how many of them were distinct: exact for
 *       {@code ${counter}} and {@code ${uuid}} (each value is new), the expectation
 *       {@code N (1 - (1 - 1/N)^n)} for {@code n} draws of {@code ${random:MIN:MAX}} over {@code N} values;
 *       {@code distinct_keys} is the largest of them.</li>
 * </ul>
 */
final class VolumeAnalysis {

    private VolumeAnalysis() {
    }

    static Map<String, Object> analyze(Totals totals, double seconds, SizeBucketTotals sizes,
                                       List<String> keyVariables) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("duration_s", Spans.round(seconds));
        m.put("bytes_sent", totals.bytesSent());
        m.put("bytes_received", totals.bytesReceived());
        m.put("sent_mb_per_s", mbPerS(totals.bytesSent(), seconds));
        m.put("received_mb_per_s", mbPerS(totals.bytesReceived(), seconds));
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (int k = 0; k < SizeBuckets.CLASSES; k++) {
            AbstractHistogram h = sizes.latency(k);
            if (h == null || sizes.requests(k) == 0) {
                continue;
            }
            Map<String, Object> b = new LinkedHashMap<>();
            long min = k == 0 ? 0 : 1L << k;
            long max = (1L << (k + 1)) - 1;
            b.put("bucket", PayloadSize.formatBytes(min) + "-" + PayloadSize.formatBytes(max + 1));
            b.put("min_bytes", min);
            b.put("max_bytes", max);
            b.put("requests", sizes.requests(k));
            b.put("errors", sizes.errors(k));
            b.put("p50_ms", ms(h.getValueAtPercentile(50)));
            b.put("p95_ms", ms(h.getValueAtPercentile(95)));
            b.put("p99_ms", ms(h.getValueAtPercentile(99)));
            b.put("max_ms", ms(h.getMaxValue()));
            buckets.add(b);
        }
        m.put("buckets", buckets);
        if (!keyVariables.isEmpty()) {
            List<Map<String, Object>> keys = new ArrayList<>();
            double most = 0;
            for (int i = 0; i < keyVariables.size(); i++) {
                String name = keyVariables.get(i);
                long values = sizes.keyValues(i);
                double distinct = distinct(name, values);
                most = Math.max(most, distinct);
                Map<String, Object> key = new LinkedHashMap<>();
                key.put("variable", "${" + name + "}");
                key.put("values", values);
                key.put("distinct", name.startsWith("random:") ? (Object) Spans.round(distinct) : (Object) values);
                key.put("exact", !name.startsWith("random:"));
                keys.add(key);
            }
            m.put("keys", keys);
            m.put("distinct_keys", Math.round(most));
        }
        return m;
    }

    /** Distinct values among {@code values} draws of the key variable {@code name} (expected, for random). */
    static double distinct(String name, long values) {
        if (!name.startsWith("random:") || values == 0) {
            return values;
        }
        String[] p = name.split(":");
        double n = (double) Long.parseLong(p[2]) - Long.parseLong(p[1]) + 1;
        // N (1 - (1 - 1/N)^n), computed without losing 1/N against 1
        return n * -Math.expm1(values * Math.log1p(-1 / n));
    }

    private static double mbPerS(long bytes, double seconds) {
        return seconds <= 0 ? 0 : Spans.round(bytes / 1e6 / seconds);
    }

    private static double ms(double ns) {
        return Math.round(ns / 1e3) / 1e3;
    }
}
