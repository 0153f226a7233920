/**
 * Built-in probes. {@link dev.onrush.core.probe.ProcessProbeProvider} ({@code probes: [{id: process}]}) watches the
 * generator itself; its samples feed the INCONCLUSIVE verdict.
 *
 * <p>Rules: as every probe, sampled on the run's probe worker thread, never on an event loop; no I/O.
 */
package dev.onrush.core.probe;
