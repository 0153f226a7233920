package dev.onrush.core.internal.criteria;

import dev.onrush.core.internal.metrics.Accumulator;
import dev.onrush.core.internal.metrics.Histograms;
import dev.onrush.core.internal.metrics.RunAggregator;
import dev.onrush.core.model.Criterion;
import dev.onrush.core.model.GeneratorLimits;
import dev.onrush.core.model.Phase;
import dev.onrush.spi.CriterionResult;
import dev.onrush.spi.ErrorKind;
import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.Verdict;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Judges criteria and decides the verdict. */
public final class Judge {

    private Judge() {
    }

    /** A verdict and the sentence that explains it. */
    public record Decision(Verdict verdict, String reason) {
    }

    /**
     * Judges every criterion.
     *
     * @param runSeconds the seconds the load was generated (the throughput denominator of run-wide criteria)
     */
    public static List<CriterionResult> judge(List<Criterion> criteria, RunAggregator data, List<Phase> phases,
                                              double runSeconds) {
        return judge(criteria, data, phases, runSeconds, List.of());
    }

    /** As above, with the run's probe samples for {@code probe.<metric>.<statistic>} criteria. */
    public static List<CriterionResult> judge(List<Criterion> criteria, RunAggregator data, List<Phase> phases,
                                              double runSeconds, List<ProbeSample> probeSamples) {
        List<CriterionResult> results = new ArrayList<>();
        for (Criterion c : criteria) {
            if (c.metric() == Criterion.Metric.PROBE) {
                double actual = probeValue(c.probeMetric(), c.probeStat(), probeSamples);
                results.add(new CriterionResult(c.expression(), "probe." + c.probeMetric() + "." + c.probeStat(),
                        c.scope(), c.operator().symbol(), c.threshold(), probeUnit(c.probeMetric(), probeSamples),
                        actual, !Double.isNaN(actual) && c.operator().holds(actual, c.threshold())));
                continue;
            }
            Accumulator scope;
            double seconds;
            int phase = c.phase() == null ? -1 : indexOf(phases, c.phase());
            int request = c.request() == null ? -1 : data.requestNames().indexOf(c.request());
            if (phase >= 0) {
                seconds = data.phaseSeconds(phase);
                scope = request >= 0 ? data.phaseRequest(phase, request) : data.phase(phase);
            } else {
                seconds = runSeconds;
                scope = request >= 0 ? data.request(request) : data.total();
            }
            double actual = scope == null ? Double.NaN : value(c.metric(), scope, seconds);
            boolean passed = !Double.isNaN(actual) && c.operator().holds(actual, c.threshold());
            results.add(new CriterionResult(c.expression(), c.metric().key(), c.scope(), c.operator().symbol(),
                    c.threshold(), c.metric().unit(), actual, passed));
        }
        return results;
    }

    /** The value of {@code metric} over {@code scope}, NaN when it cannot be measured (no requests). */
    public static double value(Criterion.Metric metric, Accumulator scope, double seconds) {
        AbstractHistogram h = scope.latency();
        if (metric.isLatency() && h.getTotalCount() == 0) {
            return Double.NaN;
        }
        return switch (metric) {
            case P50 -> ms(h.getValueAtPercentile(50));
            case P90 -> ms(h.getValueAtPercentile(90));
            case P95 -> ms(h.getValueAtPercentile(95));
            case P99 -> ms(h.getValueAtPercentile(99));
            case P999 -> ms(h.getValueAtPercentile(99.9));
            case MAX -> ms(h.getMaxValue());
            case MEAN -> ms(h.getMean());
            case ERROR_RATE -> scope.requests() == 0 ? Double.NaN : scope.errorRatePercent();
            case THROUGHPUT -> seconds <= 0 ? 0 : Math.round(scope.requests() / seconds * 1000) / 1000.0;
            case PROBE -> Double.NaN;
        };
    }

    /**
     * {@code stat} of the values of the samples named {@code metric} (a probe's alias), in time order: max, min,
     * mean, last, or a nearest-rank percentile; NaN without samples.
     */
    static double probeValue(String metric, String stat, List<ProbeSample> samples) {
        double[] v = samples.stream().filter(s -> s.metric().equals(metric)).mapToDouble(ProbeSample::value)
                .toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        return switch (stat) {
            case "max" -> sorted[sorted.length - 1];
            case "min" -> sorted[0];
            case "mean" -> java.util.Arrays.stream(v).average().orElse(Double.NaN);
            case "last" -> v[v.length - 1];
            default -> {
                double p = Double.parseDouble(stat.substring(1));
                int rank = (int) Math.ceil(p / 100 * sorted.length);
                yield sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
            }
        };
    }

    private static String probeUnit(String metric, List<ProbeSample> samples) {
        return samples.stream().filter(s -> s.metric().equals(metric)).map(ProbeSample::unit)
                .filter(u -> u != null && !u.isEmpty()).findFirst().orElse("value");
    }

    /**
     * The verdict: ABORTED when the run was stopped early; INCONCLUSIVE when the generator broke its limits
     * (lag p99 after the first second, which is JIT warm-up — see {@link RunAggregator#judgedLag()}; dropped
     * arrivals), since then the numbers describe the generator; FAILED when more than
     * {@value #MAX_UNFINISHED_PERCENT} % of requests had no answer at the end, or a criterion broke; PASSED
     * otherwise.
     */
    public static Decision decide(List<CriterionResult> criteria, RunAggregator data, GeneratorLimits limits,
                                  String abortReason) {
        return decide(criteria, data, limits, abortReason, null);
    }

    /**
     * As {@link #decide(List, RunAggregator, GeneratorLimits, String)}, where {@code failFastReason} (not null)
     * says that an {@code abort_on_fail} criterion stopped the run: the verdict is then FAILED with that reason.
     */
    public static Decision decide(List<CriterionResult> criteria, RunAggregator data, GeneratorLimits limits,
                                  String abortReason, String failFastReason) {
        return decide(criteria, data, limits, abortReason, failFastReason, List.of());
    }

    /**
     * Share of requests (percent) still without an answer when the run ended above which the verdict is FAILED
     * whatever the criteria say: the target stopped answering, and the answered rest cannot speak for it.
     */
    public static final double MAX_UNFINISHED_PERCENT = 1;

    /** Median generator CPU (process probe) at or above which the generator counts as saturated. */
    static final double SATURATED_CPU_PERCENT = 95;
    /** Share of the run spent in GC pauses (process probe) above which the generator counts as the bottleneck. */
    static final double MAX_GC_PAUSE_PERCENT = 20;

    /**
     * As above, with the run's probe samples: when the built-in {@code process} probe ran, a generator whose median
     * CPU was saturated ({@value #SATURATED_CPU_PERCENT} % or more of all processors) or that spent more than
     * {@value #MAX_GC_PAUSE_PERCENT} % of the run in GC pauses makes the verdict INCONCLUSIVE too.
     */
    public static Decision decide(List<CriterionResult> criteria, RunAggregator data, GeneratorLimits limits,
                                  String abortReason, String failFastReason, List<ProbeSample> probeSamples) {
        if (failFastReason != null) {
            return new Decision(Verdict.FAILED, failFastReason);
        }
        if (abortReason != null) {
            return new Decision(Verdict.ABORTED, "aborted: " + abortReason);
        }
        Histogram lag = data.judgedLag();
        long lagP99Ns = lag.getTotalCount() == 0 ? 0 : lag.getValueAtPercentile(99);
        double lagP99Ms = ms(lagP99Ns);
        double limitMs = limits.maxLagP99().toNanos() / 1e6;
        // a percentile reads as the top of its histogram bucket: a lag of exactly the limit (or within the
        // limit's bucket, 0.1 % wide) is not above it
        long limitNs = Math.min(limits.maxLagP99().toNanos(), Histograms.HIGHEST_NS);
        if (lagP99Ns > lag.highestEquivalentValue(limitNs)) {
            return new Decision(Verdict.INCONCLUSIVE, String.format(Locale.ROOT,
                    "the generator was the bottleneck: its lag p99 was %.1f ms (limit %.1f ms)%s", lagP99Ms, limitMs,
                    lag == data.lag() ? "" : " after the first second"));
        }
        List<ProbeSample> own = probeSamples.stream().filter(p -> p.probeId().equals("process")).toList();
        double cpuMedian = probeValue("cpu_percent", "p50", own);
        if (cpuMedian >= SATURATED_CPU_PERCENT) {
            return new Decision(Verdict.INCONCLUSIVE, String.format(Locale.ROOT,
                    "the generator's own CPU was saturated (median %.0f%% of all processors): it, not the target, "
                            + "limited the run", cpuMedian));
        }
        double gcPercent = probeValue("gc_pause_percent", "mean", own);
        if (gcPercent > MAX_GC_PAUSE_PERCENT) {
            return new Decision(Verdict.INCONCLUSIVE, String.format(Locale.ROOT,
                    "the generator spent %.0f%% of the run in GC pauses (limit %.0f%%): give it more heap",
                    gcPercent, MAX_GC_PAUSE_PERCENT));
        }
        if (data.arrivals() > 0) {
            double droppedPercent = 100.0 * data.droppedArrivals() / data.arrivals();
            if (droppedPercent > limits.maxDroppedPercent()) {
                return new Decision(Verdict.INCONCLUSIVE, String.format(Locale.ROOT,
                        "the generator could not place %.2f%% of arrivals (limit %.2f%%): %d dropped; "
                                + "raise target.max_connections or target.max_queue",
                        droppedPercent, limits.maxDroppedPercent(), data.droppedArrivals()));
            }
        }
        long unfinished = data.total().errorsOf(ErrorKind.UNFINISHED);
        double unfinishedPercent = data.total().requests() == 0 ? 0 : 100.0 * unfinished / data.total().requests();
        if (unfinishedPercent > MAX_UNFINISHED_PERCENT) {
            return new Decision(Verdict.FAILED, String.format(Locale.ROOT,
                    "%d of %d requests (%.2f%%) had no answer when the run ended (limit %.0f%%): the target "
                            + "stopped answering", unfinished, data.total().requests(), unfinishedPercent,
                    MAX_UNFINISHED_PERCENT));
        }
        List<String> broken = criteria.stream().filter(c -> !c.passed())
                .map(c -> c.expression() + (c.scope().equals("all") ? "" : " [" + c.scope() + "]") + " (actual "
                        + (Double.isNaN(c.actual()) ? "no data" : fmt(c.actual()) + " " + c.unit()) + ")")
                .toList();
        if (!broken.isEmpty()) {
            return new Decision(Verdict.FAILED, "criteria broken: " + String.join("; ", broken));
        }
        return new Decision(Verdict.PASSED, criteria.isEmpty() ? "no criteria; the generator kept up"
                : "all " + criteria.size() + " criteria held; the generator kept up");
    }

    private static int indexOf(List<Phase> phases, String name) {
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static double ms(double ns) {
        return Math.round(ns / 1e3) / 1e3;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("\\.?0+$", "");
    }
}
