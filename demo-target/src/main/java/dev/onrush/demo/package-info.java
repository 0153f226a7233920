/**
 * The demo target: {@link dev.onrush.demo.DemoTarget}, an embeddable HTTP server with configurable latency, errors,
 * capacity and stalls (and a capacity that scales out and in, a leak, and a small shop for journeys, to stand in for
 * a scaled or a slowly degrading service) that load tests, {@code onrush demo} and {@code onrush target} aim at; and
 * {@link dev.onrush.demo.DemoCapacityProbeProvider} ({@code probes: [{id: demo-capacity}]}), which reads its capacity
 * over HTTP and is registered in this module's {@code META-INF/services}, the local stand-in for the
 * {@code autoscaling} probe in scalability tests.
 *
 * <p>Rules of this package: it depends on {@code onrush-spi} and {@code vertx-core} only, never on
 * {@code onrush-core} (core's tests run against the DemoTarget; the probe speaks only the SPI). The public types are
 * {@code DemoTarget} with its {@code Options} record and {@link dev.onrush.demo.OptionsBuilder}, the sealed
 * {@link dev.onrush.demo.LatencyModel} family and the probe provider; every other class is package-private.
 *
 * <p>Threading: request handling runs on Vert.x event loops and never blocks them: artificial latency is a Vert.x
 * timer. State shared between event loops (counters, the capacity queue, the current options, the scale events) is
 * thread-safe; scaling decisions run on a timer on one event loop; everything else is confined to one event loop.
 * The probe is sampled on the run's probe worker thread; its only I/O is an asynchronous HTTP request that the
 * worker never waits for. Durations are {@link java.time.Duration}s in public signatures; internal primitives carry
 * their unit in their name ({@code Ns}).
 */
package dev.onrush.demo;
