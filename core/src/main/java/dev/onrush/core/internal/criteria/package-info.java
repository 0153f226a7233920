/**
 * Judging a run: success criteria against merged measurements, and the verdict.
 *
 * <p>Rules: pure functions of the aggregated data; latency criteria read percentiles of merged histograms
 * (latency from the intended start), never averages of percentiles. Collector thread only.
 */
package dev.onrush.core.internal.criteria;
