/**
 * Built-in probes. {@link dev.onrush.core.probe.ProcessProbeProvider} ({@code probes: [{id: process}]}) watches the
 * generator itself; its samples feed the INCONCLUSIVE verdict. It learns the engine's event-loop lag as any probe
 * can, through {@link dev.onrush.spi.probe.Probe#start}. The {@code demo-capacity} probe lives with the DemoTarget,
 * in {@code onrush-demo-target}.
 *
 * <p>Rules: as every probe, sampled on the run's probe worker thread, never on an event loop; the process probe does
 * no I/O.
 */
package dev.onrush.core.probe;
