package dev.onrush.spi;

/**
 * One success criterion judged against the run.
 *
 * @param expression the criterion as written, e.g. {@code "p95 < 2s"}
 * @param metric     the metric: {@code p50, p90, p95, p99, p999, max, mean, error_rate, throughput}
 * @param scope      what it was judged on: {@code "all"}, {@code "request:NAME"} or {@code "phase:NAME"}
 * @param operator   {@code <}, {@code <=}, {@code >} or {@code >=}
 * @param threshold  the bound in the metric's unit
 * @param unit       {@code ms}, {@code percent} or {@code rps}
 * @param actual     the measured value in the same unit ({@code NaN} when nothing was measured)
 * @param passed     whether {@code actual operator threshold} held
 */
public record CriterionResult(String expression, String metric, String scope, String operator, double threshold,
                              String unit, double actual, boolean passed) {
}
