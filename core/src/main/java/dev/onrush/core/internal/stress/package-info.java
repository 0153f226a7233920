/**
 * Stress tests' breaking point: {@link dev.onrush.core.internal.stress.BreakingPoint} judges each step on its own
 * merged data as the run goes, steers a search's next rate through the run's
 * {@link dev.onrush.core.internal.schedule.Timeline}, stops the run once it has its answer, and reports it under
 * {@code analysis}. Collector thread only; it never touches an event loop.
 */
package dev.onrush.core.internal.stress;
