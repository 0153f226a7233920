/**
 * What a test type concludes from a finished run ({@code analysis} in {@code result.json}): the spike's
 * recovery, the endurance run's drift, the volume run's data rates and latency by payload size.
 *
 * <p>Rules: pure functions of the run's per-second snapshots (and the generator heap samples taken with them; the
 * volume analysis reads the run's merged latency histograms per payload-size class instead);
 * latency percentiles of a span come from the merge of its intervals' histograms, never from averaging
 * per-second percentiles. Values are JSON-like (maps, lists, numbers, strings, booleans) in snake_case.
 */
package dev.onrush.core.internal.analysis;
