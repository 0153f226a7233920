/**
 * Result sinks: where a run's data goes (files, consoles, databases, object stores, metric services).
 *
 * <p>Threading: the engine calls a sink from a worker thread, never from an event loop, and never
 * concurrently for one sink instance: each sink has its own ordered queue. A sink may block in its callbacks
 * (it only delays its own queue) but should prefer returning a {@link java.util.concurrent.CompletionStage}.
 * A failing sink (exception or failed stage) never fails the run and never loses the local result.
 */
package dev.onrush.spi.sink;
