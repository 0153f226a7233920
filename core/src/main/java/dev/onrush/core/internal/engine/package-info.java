/**
 * The load engine: one {@link dev.onrush.core.internal.engine.Shard} per Vert.x event loop, each owning its
 * arrivals or virtual users, its connections and its recorders.
 *
 * <p>Threading: everything a shard owns is touched only on its event loop; the only cross-thread hops are the
 * collector's once-a-second flip and the start/stop commands, each a task posted to the loop. Nothing here
 * blocks. Allocation: sessions are pooled, requests are pre-encoded per shard, handlers are method references
 * kept in fields; the per-request path allocates nothing of its own (Vert.x allocates one {@code Buffer} per
 * socket read, and a think time allocates one scheduled task).
 *
 * <p>Times are nanoseconds since the run's start ({@code System.nanoTime() - startNanos}). Latency is recorded
 * from a request's intended start, service time from its send, generator lag from when the engine got to it.
 */
package dev.onrush.core.internal.engine;
