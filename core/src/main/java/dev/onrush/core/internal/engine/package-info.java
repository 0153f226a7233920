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
 *
 * <p>Redirects are never followed: a 3xx is a response like any other, recorded under its status code. The lean
 * HTTP/1.1 path has no redirect logic at all, and the HTTP/2 path never turns on Vert.x's
 * {@code followRedirects}. So a run only ever talks to its target's host, which is what the service's target
 * allow-list relies on ({@code SecretsAndRedirectsRunTest} checks both paths).
 */
package dev.onrush.core.internal.engine;
