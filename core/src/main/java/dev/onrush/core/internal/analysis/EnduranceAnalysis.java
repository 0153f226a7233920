package dev.onrush.core.internal.analysis;

import dev.onrush.spi.IntervalSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An endurance (soak) test's question: does anything drift? The run is cut into windows (one minute each, or
 * shorter for runs under 20 minutes so that there are about 20), a least-squares line is fitted through each
 * metric's window values, and a metric <em>drifts</em> when its line changes it by more than its limit over the
 * run <em>and</em> the slope is significant (|t| of at least 3, with at least 5 windows): a noisy flat series
 * does not drift however its noise falls. The first window (the warm-up of generator and target) is left out of
 * the fit when there are more than 5.
 *
 * <p>Limits (change over the whole run): p95 latency 10 %, throughput 10 %, error rate 1 percentage point, and
 * the generator's own heap floor (the lowest heap use seen in a window, a proxy for live data) 25 %.
 */
final class EnduranceAnalysis {

    static final double P95_LIMIT_PERCENT = 10;
    static final double THROUGHPUT_LIMIT_PERCENT = 10;
    static final double ERROR_RATE_LIMIT_POINTS = 1;
    static final double HEAP_LIMIT_PERCENT = 25;
    static final double MIN_T = 3;
    static final int MIN_WINDOWS = 5;

    private EnduranceAnalysis() {
    }

    /**
     * @param heapBytes the generator's heap floor per interval (same order and length as {@code intervals}; may be
     *                  shorter, then the heap is not judged)
     */
    static Map<String, Object> analyze(List<IntervalSnapshot> intervals, List<Long> heapBytes) {
        int n = intervals.size();
        // intervals are one second long, or coarser in runs planned over an hour: windows stay about a minute
        double intervalS = n == 0 ? 1 : Math.max(1, Math.round(intervals.get(0).durationS()));
        int w = Math.max(1, Math.min((int) (60 / intervalS), n / 20));
        double windowS = w * intervalS;
        List<Double> t = new ArrayList<>();
        List<Double> p95 = new ArrayList<>();
        List<Double> rps = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        List<Double> heap = new ArrayList<>();
        List<Map<String, Object>> windows = new ArrayList<>();
        long start = n == 0 ? 0 : intervals.get(0).start().toEpochMilli();
        for (int from = 0; from + w <= n; from += w) {
            List<IntervalSnapshot> span = intervals.subList(from, from + w);
            double startS = (span.get(0).start().toEpochMilli() - start) / 1000.0;
            double mid = startS + span.stream().mapToDouble(IntervalSnapshot::durationS).sum() / 2;
            double p = Spans.p95Ms(span);
            if (Double.isNaN(p)) {
                continue;
            }
            t.add(mid);
            p95.add(p);
            rps.add(Spans.throughputRps(span));
            errors.add(Spans.errorRatePercent(span));
            Map<String, Object> row = new LinkedHashMap<>(Spans.summary(span));
            row.put("start_s", startS);
            if (heapBytes.size() >= from + w) {
                double floorMb = heapBytes.subList(from, from + w).stream().mapToLong(Long::longValue).min()
                        .orElse(0) / 1e6;
                heap.add(floorMb);
                row.put("generator_heap_floor_mb", Spans.round(floorMb));
            }
            windows.add(row);
        }
        // the first window holds the warm-up (JIT, new connections) of generator and target: not fitted
        int skip = t.size() > MIN_WINDOWS ? 1 : 0;
        t = t.subList(skip, t.size());
        p95 = p95.subList(skip, p95.size());
        rps = rps.subList(skip, rps.size());
        errors = errors.subList(skip, errors.size());
        heap = heap.subList(Math.min(skip, heap.size()), heap.size());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("window_s", windowS);
        m.put("windows_fitted", t.size());
        List<String> drifting = new ArrayList<>();
        m.put("p95_ms", trend("p95_ms", t, p95, P95_LIMIT_PERCENT, true, drifting));
        m.put("throughput_rps", trend("throughput_rps", t, rps, THROUGHPUT_LIMIT_PERCENT, true, drifting));
        m.put("error_rate_percent", trend("error_rate_percent", t, errors, ERROR_RATE_LIMIT_POINTS, false,
                drifting));
        if (heap.size() == t.size()) {
            m.put("generator_heap_floor_mb", trend("generator_heap_floor_mb", t, heap, HEAP_LIMIT_PERCENT, true,
                    drifting));
        }
        m.put("drift", drifting);
        m.put("windows", windows);
        return m;
    }

    /**
     * The fitted line of {@code y} over {@code x} (seconds): slope per hour, change over the run (in percent of
     * the mean when {@code relative}, else in the metric's own unit), t statistic, and whether that is drift.
     */
    static Map<String, Object> trend(String name, List<Double> x, List<Double> y, double limit, boolean relative,
                                     List<String> drifting) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = x.size();
        if (n < 2) {
            m.put("drift", false);
            return m;
        }
        double mx = x.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double my = y.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x.get(i) - mx) * (x.get(i) - mx);
            sxy += (x.get(i) - mx) * (y.get(i) - my);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = y.get(i) - (my + slope * (x.get(i) - mx));
            sse += r * r;
        }
        double se = n > 2 && sxx > 0 ? Math.sqrt(sse / (n - 2) / sxx) : Double.NaN;
        double tStat = se > 0 ? slope / se : (slope == 0 ? 0 : Double.POSITIVE_INFINITY);
        double span = x.get(n - 1) - x.get(0);
        double change = relative ? (my == 0 ? 0 : slope * span / Math.abs(my) * 100) : slope * span;
        boolean drift = n >= MIN_WINDOWS && Math.abs(change) > limit && Math.abs(tStat) >= MIN_T;
        if (drift) {
            drifting.add(name);
        }
        m.put("slope_per_hour", Spans.round(slope * 3600));
        m.put(relative ? "change_over_run_percent" : "change_over_run", Spans.round(change));
        m.put("limit", limit);
        m.put("t_statistic", Spans.round(Math.min(1e9, Math.abs(tStat)) * Math.signum(slope)));
        m.put("drift", drift);
        return m;
    }
}
