/**
 * What a test type concludes from a finished run ({@code analysis} in {@code result.json}): the spike's
 * recovery, the endurance run's drift, the volume run's data rates and latency by payload size, the scalability
 * run's capacity per level and time to scale.
 *
 * <p>Rules: pure functions of the run's kept snapshots (and the generator heap floors kept with them; the volume
 * analysis reads the run's merged latency histograms per payload-size class instead, and the scalability analysis
 * reads the probe samples: the capacity from metric {@code capacity} of any probe, else {@code in_service} of the
 * {@code autoscaling} probe);
 * latency percentiles of a span come from the merge of its intervals' histograms, never from averaging
 * per-second percentiles. Values are JSON-like (maps, lists, numbers, strings, booleans) in snake_case.
 */
package dev.onrush.core.internal.analysis;
