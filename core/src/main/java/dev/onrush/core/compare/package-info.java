/**
 * Comparing two runs: the performance-regression gate for CI ({@code onrush compare BASELINE CANDIDATE}).
 *
 * <p>Rules: the whole-run latency of each run is compared on its full distribution (the merged interval
 * histograms, percentile by percentile), each request name on its summary percentiles; a latency counts as a
 * regression only when it grew by more than its relative limit <em>and</em> by more than an absolute floor
 * (default 1 ms), so that sub-millisecond jitter on a fast target does not fail a build; and a percentile is judged
 * only when both runs have at least 10 requests beyond it (p99 needs 1,000 requests, p99.9 10,000): a tail of
 * three values is noise. Pure functions; no I/O
 * except {@link dev.onrush.core.compare.CompareReport#write}.
 */
package dev.onrush.core.compare;
