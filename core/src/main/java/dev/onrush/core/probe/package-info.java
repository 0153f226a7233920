/**
 * Built-in probes. {@link dev.onrush.core.probe.ProcessProbeProvider} ({@code probes: [{id: process}]}) watches the
 * generator itself; its samples feed the INCONCLUSIVE verdict.
 * {@link dev.onrush.core.probe.DemoCapacityProbeProvider} ({@code probes: [{id: demo-capacity}]}) reads a testkit
 * {@code DemoTarget}'s capacity over HTTP (core does not depend on the testkit: the probe speaks its admin JSON),
 * the local stand-in for the {@code autoscaling} probe in scalability tests.
 *
 * <p>Rules: as every probe, sampled on the run's probe worker thread, never on an event loop; the process probe does
 * no I/O, the demo-capacity probe's only I/O is an asynchronous HTTP request the worker never waits for.
 */
package dev.onrush.core.probe;
