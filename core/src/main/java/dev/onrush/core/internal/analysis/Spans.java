package dev.onrush.core.internal.analysis;

import dev.onrush.core.internal.metrics.Histograms;
import dev.onrush.spi.IntervalSnapshot;
import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Figures of a span of consecutive intervals. */
final class Spans {

    private Spans() {
    }

    /** p95 of the span in ms, from its merged interval histograms ({@code NaN} without requests). */
    static double p95Ms(List<IntervalSnapshot> span) {
        Histogram h = Histograms.newTotal();
        for (IntervalSnapshot i : span) {
            byte[] bytes = i.compressedLatencyHistogram();
            if (bytes.length > 0) {
                h.add(Histograms.decompress(bytes));
            }
        }
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(95) / 1e6;
    }

    static long requests(List<IntervalSnapshot> span) {
        return span.stream().mapToLong(i -> i.totals().requests()).sum();
    }

    static double errorRatePercent(List<IntervalSnapshot> span) {
        long requests = requests(span);
        long errors = span.stream().mapToLong(i -> i.totals().errors()).sum();
        return requests == 0 ? 0 : 100.0 * errors / requests;
    }

    static double throughputRps(List<IntervalSnapshot> span) {
        double seconds = span.stream().mapToDouble(IntervalSnapshot::durationS).sum();
        return seconds <= 0 ? 0 : requests(span) / seconds;
    }

    /** {@code p95_ms, error_rate_percent, throughput_rps, requests} of the span. */
    static Map<String, Object> summary(List<IntervalSnapshot> span) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p95_ms", round(p95Ms(span)));
        m.put("error_rate_percent", round(errorRatePercent(span)));
        m.put("throughput_rps", round(throughputRps(span)));
        m.put("requests", requests(span));
        return m;
    }

    /** Rounded to 3 decimals; NaN becomes -1 (JSON has no NaN), documented where it can occur. */
    static double round(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? -1 : Math.round(v * 1000) / 1000.0;
    }
}
