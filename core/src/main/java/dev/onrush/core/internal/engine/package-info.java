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
 * <p>Templated requests (variables, drawn body sizes; see {@link dev.onrush.core.model.TextTemplate}) are the one
 * exception, and only they pay for it: each is drawn into the shard's
 * {@link dev.onrush.core.internal.engine.http1.RequestValues} (seeded per shard: {@code seed + shard index}) and
 * its head encoded into a pooled direct buffer of the exact size; a body of drawn size is a slice of one filler
 * buffer shared read-only by all shards (made once per run, as large as the largest body size, freed at the
 * end), joined to the head in a composite (about 260 bytes of objects per request, no copy of the body). Static
 * requests keep the pre-encoded path; the only cost they see is a null check per send and, for volume tests,
 * one size-class record per response ({@link VolumeSetup}).
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
