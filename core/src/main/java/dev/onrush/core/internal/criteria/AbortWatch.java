package dev.onrush.core.internal.criteria;

import dev.onrush.core.model.Criterion;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.LatencyStats;
import dev.onrush.spi.RequestStats;

import java.util.List;
import java.util.Locale;

/**
 * Watches the criteria marked {@code abort_on_fail} as the run goes: each is judged on every merged one-second
 * interval (its request and phase scope applied); once it has been broken without a break for its grace
 * {@code delay}, the run is to stop with verdict FAILED. An interval without data for a latency criterion's
 * scope neither breaks nor heals it. Collector thread only.
 */
public final class AbortWatch {

    private final List<Criterion> criteria;
    /** Per criterion: when the current unbroken run of failing intervals started (epoch ms), or -1. */
    private final long[] failingSinceMs;

    public AbortWatch(List<Criterion> all) {
        this.criteria = all.stream().filter(Criterion::abortOnFail).toList();
        this.failingSinceMs = new long[criteria.size()];
        java.util.Arrays.fill(failingSinceMs, -1);
    }

    /** Whether any criterion is watched at all. */
    public boolean active() {
        return !criteria.isEmpty();
    }

    /**
     * Judges one interval.
     *
     * @return why the run must stop, or {@code null} to go on
     */
    public String check(IntervalSnapshot interval) {
        long endMs = interval.start().toEpochMilli() + Math.round(interval.durationS() * 1000);
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            if (c.phase() != null && !c.phase().equals(interval.phase())) {
                failingSinceMs[i] = -1;
                continue;
            }
            RequestStats stats = c.request() == null ? interval.totals() : interval.requests().get(c.request());
            double actual = value(c.metric(), stats);
            if (Double.isNaN(actual)) {
                continue;
            }
            if (c.operator().holds(actual, c.threshold())) {
                failingSinceMs[i] = -1;
                continue;
            }
            if (failingSinceMs[i] < 0) {
                failingSinceMs[i] = interval.start().toEpochMilli();
            }
            if (endMs - failingSinceMs[i] >= Math.max(1, c.delay().toMillis())) {
                return String.format(Locale.ROOT, "criterion \"%s\"%s broken for %.0f s (actual %.3f %s in the "
                                + "last second, grace %s): stopped early (abort_on_fail)", c.expression(),
                        c.scope().equals("all") ? "" : " [" + c.scope() + "]",
                        (endMs - failingSinceMs[i]) / 1000.0, actual, c.metric().unit(),
                        dev.onrush.core.model.HumanDuration.format(c.delay()));
            }
        }
        return null;
    }

    private static double value(Criterion.Metric metric, RequestStats s) {
        if (s == null || s.requests() == 0) {
            return metric == Criterion.Metric.THROUGHPUT ? 0 : Double.NaN;
        }
        LatencyStats l = s.latencyMs();
        return switch (metric) {
            case P50 -> l.p50();
            case P90 -> l.p90();
            case P95 -> l.p95();
            case P99 -> l.p99();
            case P999 -> l.p999();
            case MAX -> l.max();
            case MEAN -> l.mean();
            case ERROR_RATE -> s.errorRatePercent();
            case THROUGHPUT -> s.throughputRps();
            case PROBE -> Double.NaN; // probe samples are not per second: judged once, at the end
        };
    }
}
