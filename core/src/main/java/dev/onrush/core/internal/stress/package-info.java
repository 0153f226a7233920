/**
 * Stress tests' breaking point: {@link dev.onrush.core.internal.stress.BreakingPoint} judges each step on its own
 * merged data as the run goes, stops the run once it has its answer, and reports it under {@code analysis};
 * {@link dev.onrush.core.internal.stress.RateSearch} decides a search's next rate and steers it through the run's
 * {@link dev.onrush.core.internal.schedule.Timeline} at the slots of the test's
 * {@link dev.onrush.core.model.SearchLayout}. Steps are found by their phase role, never by name. Collector thread
 * only; nothing here touches an event loop.
 */
package dev.onrush.core.internal.stress;
