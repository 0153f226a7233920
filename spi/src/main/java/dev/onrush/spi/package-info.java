/**
 * The contracts between Onrush and its plugins, and the immutable data plugins see.
 *
 * <p>Rules of this package: JDK types only (a plugin module depends on {@code onrush-spi} and nothing of
 * Onrush besides). Every value is an immutable record; collections inside them are unmodifiable copies.
 * Units are in the names ({@code Ms} = milliseconds as {@code double}, {@code S} = seconds, {@code Rps} =
 * requests per second). Time points are {@link java.time.Instant}s in UTC. Latency percentiles are always
 * computed from merged histograms, never averaged; a record that carries a histogram carries it in
 * HdrHistogram's standard compressed encoding so a plugin can re-merge exactly without depending on core.
 */
package dev.onrush.spi;
