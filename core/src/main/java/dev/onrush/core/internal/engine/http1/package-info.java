/**
 * The lean HTTP/1.1 client codec of the engine's fast path: requests encoded once into a
 * {@link dev.onrush.core.internal.engine.http1.RequestTemplate} and written as-is on a Vert.x
 * {@code NetSocket}, responses framed by an incremental
 * {@link dev.onrush.core.internal.engine.http1.ResponseParser} fed with the socket's buffers.
 *
 * <h2>Threading</h2>
 * Every mutable object in this package ({@code ResponseParser} and its helpers) is confined to the one
 * event loop that owns its connection and is <b>not thread-safe</b>, as is a shard's {@code RequestValues}.
 * {@code RequestTemplate} and {@code TemplatedRequest} are immutable and may be shared between event loops.
 *
 * <h2>Allocation</h2>
 * Nothing here allocates per request on the hot path for static requests: templates are encoded once, parsers are created once
 * per connection and reused via {@code start(...)}, bytes are read with {@code Buffer.getByte(int)}
 * (no Strings, arrays or boxed values), and body bytes are counted, never copied. Allocation is allowed only
 * on the error path (error messages) and at construction. A
 * {@link dev.onrush.core.internal.engine.http1.TemplatedRequest} (a request with variables or a drawn body size)
 * takes one pooled direct buffer per request for its head (plus a composite and a slice when it has a filler
 * body); its literal parts are encoded once and only the variables' digits are written per request.
 *
 * <h2>Scope</h2>
 * Pipelining is off: at most one request is in flight per connection.
 */
package dev.onrush.core.internal.engine.http1;
