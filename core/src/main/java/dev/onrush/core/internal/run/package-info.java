/**
 * One run from start to result: folder, sinks, engine, judging, result assembly.
 *
 * <p>Rules: the thread that calls {@link dev.onrush.core.internal.run.RunExecution#execute} is the collector;
 * the local files are a sink like any other but are never skipped, so an unreachable remote sink cannot lose the
 * local result.
 */
package dev.onrush.core.internal.run;
