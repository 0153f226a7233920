/**
 * Test support for Onrush: {@link dev.onrush.testkit.DemoTarget}, an embeddable HTTP server with
 * configurable latency, errors, capacity and stalls (and a capacity that scales out and in, and a leak, to stand in
 * for a scaled or a slowly degrading service) that load tests and demos aim at; and the contract kits
 * {@link dev.onrush.testkit.ResultSinkContract} and {@link dev.onrush.testkit.ProbeContract}, abstract JUnit 5
 * classes every sink and probe module's test extends, fed by {@link dev.onrush.testkit.ContractRecords}; and
 * {@link dev.onrush.testkit.Dynalite}, a local DynamoDB-compatible server (npm dynalite) for tests of code that
 * speaks DynamoDB.
 *
 * <p>Rules of this package: it depends on {@code onrush-spi} and {@code vertx-core} only (not on
 * {@code onrush-core}, unlike DESIGN.md's first sketch: core's own integration tests run against the
 * DemoTarget, so core depends on the testkit in test scope and the reverse would be a cycle; the contract kits
 * for plugins only need the SPI, except their one check that runs a sink through Onrush's dispatcher, which reaches
 * core's public API by name and needs {@code onrush-core} on the test classpath). The public types are
 * {@code DemoTarget}, its {@code Options} record, the sealed {@link dev.onrush.testkit.LatencyModel} family, the
 * contract kits and {@code ContractRecords}; every other class is package-private. JUnit's API and AssertJ are
 * compile-scope dependencies for the kits. Request handling runs on Vert.x event loops and never
 * blocks them: artificial latency is a Vert.x timer. State shared between event loops (counters, the
 * capacity queue, the current options, the scale events) is thread-safe; scaling decisions run on a timer on one
 * event loop; everything else is confined to one event loop.
 * Durations are {@link java.time.Duration}s in public signatures; internal primitives carry their unit
 * in their name ({@code Ns}).
 */
package dev.onrush.testkit;
