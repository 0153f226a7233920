/**
 * The built-in result sinks: the live console and the run folder's files ({@code result.json},
 * {@code intervals.jsonl}, {@code latency.hlog}, {@code report.html}), {@link dev.onrush.core.sink.RunFolder},
 * which reads a run folder back, and the providers for plans' {@code sinks:} entries: {@code console} adds the
 * console; {@code json} and {@code hdr-log} name the run folder's files, which every run writes anyway (the
 * entries are accepted and add nothing). {@link dev.onrush.core.sink.RunFolderLock} takes a run folder for one run
 * (exclusive lock file, writable, free space) before any load and writes its
 * {@link dev.onrush.core.sink.RunStatus} ({@code run-status.json}: running, then complete or incomplete), so a
 * folder of a killed run says so.
 *
 * <p>They follow the {@link dev.onrush.spi.sink.ResultSink} contract: called from one worker thread at a time,
 * never from an event loop. {@link dev.onrush.core.sink.ResultJson} is the one place that knows the JSON layout;
 * {@link dev.onrush.core.sink.HtmlReport} renders the page from the template {@code report-template.html} beside
 * this package's classes, with uPlot (from the {@code org.webjars.npm:uplot} jar) inlined.
 */
package dev.onrush.core.sink;
