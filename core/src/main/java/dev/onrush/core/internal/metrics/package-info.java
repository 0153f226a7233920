/**
 * Recording and merging measurements with HdrHistogram.
 *
 * <p>Rules: values are nanoseconds, 3 significant digits, range 1 µs to 24 h (a larger value is clamped to
 * 24 h and the clamp is counted, never silent). A {@link dev.onrush.core.internal.metrics.RecorderSet} has a
 * single writer, the event loop of its shard, and is handed to the collector only by a flip that runs on that
 * loop: no locks and no atomics on the recording path. Percentiles are only ever read from merged histograms,
 * never averaged. {@link dev.onrush.core.internal.metrics.RunAggregator} lives on the collector thread.
 */
package dev.onrush.core.internal.metrics;
