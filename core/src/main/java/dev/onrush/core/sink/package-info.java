/**
 * The built-in result sinks: the live console and the run folder's files ({@code result.json},
 * {@code intervals.jsonl}, {@code latency.hlog}).
 *
 * <p>They follow the {@link dev.onrush.spi.sink.ResultSink} contract: called from one worker thread at a time,
 * never from an event loop. {@link dev.onrush.core.sink.ResultJson} is the one place that knows the JSON layout.
 */
package dev.onrush.core.sink;
