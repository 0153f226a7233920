package dev.onrush.core.compare;

import dev.onrush.core.internal.metrics.Histograms;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.LatencyStats;
import dev.onrush.spi.RequestStats;
import dev.onrush.spi.RunResult;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Compares a candidate run with its baseline. Stateless. */
public final class RunComparison {

    /** Requests beyond a percentile that both runs need before it is judged (p99 needs 1,000 requests). */
    static final int MIN_TAIL = 10;
    /** Percentiles of the spectrum: {@code 1 - 10^(-k/10)} for k = 0..40, i.e. 0 % to 99.99 %. */
    private static final int SPECTRUM_POINTS = 41;

    private RunComparison() {
    }

    /**
     * One compared figure.
     *
     * @param scope      {@code ALL} or a request name
     * @param metric     {@code p50 … p999}, {@code error_rate} or {@code throughput}
     * @param baseline   the baseline's value (ms, percent or rps)
     * @param candidate  the candidate's value
     * @param change     relative change in percent (latency, throughput) or the difference in percentage points
     *                   (error rate); NaN when the baseline is 0
     * @param limit      the allowed change ({@code NaN} when the metric is not judged)
     * @param regressed  whether the change went past the limit in the bad direction
     */
    public record Row(String scope, String metric, double baseline, double candidate, double change, double limit,
                      boolean regressed) {
    }

    /**
     * Latency by percentile of one run, all requests, from its merged interval histograms.
     *
     * @param percentiles the shared x values (percent)
     * @param ms          latency at each, milliseconds
     */
    public record Spectrum(List<Double> percentiles, List<Double> ms) {
    }

    /**
     * The comparison.
     *
     * @param baselineId   the baseline's test id
     * @param candidateId  the candidate's test id
     * @param rows         every compared figure, whole run first, then per request name
     * @param regressed    whether any row regressed
     * @param baseline     the baseline's spectrum (empty lists when its intervals carry no histograms)
     * @param candidate    the candidate's spectrum
     */
    public record Result(String baselineId, String candidateId, List<Row> rows, boolean regressed,
                         Spectrum baseline, Spectrum candidate) {
    }

    /** Compares {@code candidate} with {@code baseline} under {@code limits}. */
    public static Result compare(RunResult baseline, RunResult candidate, RegressionLimits limits) {
        List<Row> rows = new ArrayList<>();
        Histogram b = merged(baseline);
        Histogram c = merged(candidate);
        LatencyStats bAll = b.getTotalCount() > 0 ? Histograms.stats(b) : baseline.latencyMs();
        LatencyStats cAll = c.getTotalCount() > 0 ? Histograms.stats(c) : candidate.latencyMs();
        addScope(rows, "ALL", bAll, cAll, Math.min(bAll.count(), cAll.count()), baseline.totals().errorRatePercent(),
                candidate.totals().errorRatePercent(), baseline.totals().throughputRps(),
                candidate.totals().throughputRps(), limits);
        for (var e : baseline.requests().entrySet()) {
            RequestStats cs = candidate.requests().get(e.getKey());
            if (cs != null) {
                RequestStats bs = e.getValue();
                addScope(rows, e.getKey(), bs.latencyMs(), cs.latencyMs(), Math.min(bs.requests(), cs.requests()),
                        bs.errorRatePercent(), cs.errorRatePercent(), bs.throughputRps(), cs.throughputRps(), limits);
            }
        }
        boolean regressed = rows.stream().anyMatch(Row::regressed);
        return new Result(baseline.testId(), candidate.testId(), rows, regressed, spectrum(b), spectrum(c));
    }

    private static void addScope(List<Row> rows, String scope, LatencyStats b, LatencyStats c, long count,
                                 double bErr, double cErr, double bRps, double cRps, RegressionLimits limits) {
        for (String m : RegressionLimits.LATENCY_METRICS) {
            double bv = pick(b, m);
            double cv = pick(c, m);
            // a percentile is judged only when both runs have at least MIN_TAIL requests beyond it: p99 of 300
            // requests is 3 values, noise rather than a measurement
            Double limit = count * (1 - percentile(m) / 100) >= MIN_TAIL ? limits.latencyPercent().get(m) : null;
            double change = relative(bv, cv);
            boolean regressed = limit != null && cv - bv > limits.minDeltaMs()
                    && (Double.isNaN(change) || change > limit);
            rows.add(new Row(scope, m, bv, cv, change, limit == null ? Double.NaN : limit, regressed));
        }
        double errChange = cErr - bErr;
        rows.add(new Row(scope, "error_rate", bErr, cErr, errChange, limits.errorRatePoints(),
                errChange > limits.errorRatePoints()));
        double rpsChange = relative(bRps, cRps);
        rows.add(new Row(scope, "throughput", bRps, cRps, rpsChange, limits.throughputDropPercent(),
                !Double.isNaN(rpsChange) && -rpsChange > limits.throughputDropPercent()));
    }

    private static double percentile(String metric) {
        return switch (metric) {
            case "p50" -> 50;
            case "p90" -> 90;
            case "p95" -> 95;
            case "p99" -> 99;
            case "p999" -> 99.9;
            default -> throw new IllegalArgumentException(metric);
        };
    }

    private static double pick(LatencyStats s, String metric) {
        return switch (metric) {
            case "p50" -> s.p50();
            case "p90" -> s.p90();
            case "p95" -> s.p95();
            case "p99" -> s.p99();
            case "p999" -> s.p999();
            default -> throw new IllegalArgumentException(metric);
        };
    }

    private static double relative(double base, double candidate) {
        return base == 0 ? (candidate == 0 ? 0 : Double.NaN) : (candidate - base) / base * 100;
    }

    private static Histogram merged(RunResult r) {
        Histogram h = Histograms.newTotal();
        for (IntervalSnapshot i : r.intervals()) {
            byte[] bytes = i.compressedLatencyHistogram();
            if (bytes.length > 0) {
                h.add(Histograms.decompress(bytes));
            }
        }
        return h;
    }

    private static Spectrum spectrum(Histogram h) {
        List<Double> p = new ArrayList<>();
        List<Double> ms = new ArrayList<>();
        if (h.getTotalCount() > 0) {
            for (int k = 0; k < SPECTRUM_POINTS; k++) {
                double percentile = 100 * (1 - Math.pow(10, -k / 10.0));
                p.add(percentile);
                ms.add(h.getValueAtPercentile(percentile) / 1e6);
            }
        }
        return new Spectrum(p, ms);
    }

    /** The comparison as a plain-text table, one line per row, regressions marked. */
    public static String table(Result r) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-28s %-10s %12s %12s %10s %9s  %s%n",
                "scope", "metric", "baseline", "candidate", "change", "limit", ""));
        for (Row row : r.rows()) {
            boolean latency = RegressionLimits.LATENCY_METRICS.contains(row.metric());
            String unit = latency ? "ms" : row.metric().equals("throughput") ? "/s" : "%";
            String changeUnit = row.metric().equals("error_rate") ? "pp" : "%";
            out.append(String.format(Locale.ROOT, "%-28s %-10s %10.3f%-2s %10.3f%-2s %+9.1f%-1s %9s  %s%n",
                    row.scope().length() > 28 ? row.scope().substring(0, 27) + "…" : row.scope(), row.metric(),
                    row.baseline(), unit, row.candidate(), unit, Double.isNaN(row.change()) ? 0 : row.change(),
                    changeUnit, Double.isNaN(row.limit()) ? "-" : (row.metric().equals("throughput") ? "-" : "+")
                            + fmt(row.limit()) + changeUnit,
                    row.regressed() ? "REGRESSION" : ""));
        }
        out.append(r.regressed() ? "verdict: REGRESSION (" + r.rows().stream().filter(Row::regressed).count()
                + " figure(s) past their limit)" : "verdict: no regression").append(System.lineSeparator());
        return out.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
