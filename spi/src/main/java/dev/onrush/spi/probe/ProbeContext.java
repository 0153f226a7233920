package dev.onrush.spi.probe;

import java.net.URI;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * What the run offers a probe besides its own settings, handed over once in
 * {@link Probe#start(dev.onrush.spi.RunInfo, ProbeContext)}.
 *
 * @param targetUrl         the plan's target base URL (after {@code --target} and the like): a probe whose default
 *                          service is the system under test reads it here, so a plan need not repeat the URL;
 *                          never {@code null}
 * @param eventLoopLagMs    the generator's own lateness: each call returns the largest lag (ms) of any of its event
 *                          loops since the previous call (0 before the run starts); any thread, never blocks;
 *                          never {@code null}
 */
public record ProbeContext(URI targetUrl, DoubleSupplier eventLoopLagMs) {

    public ProbeContext {
        Objects.requireNonNull(targetUrl, "targetUrl");
        Objects.requireNonNull(eventLoopLagMs, "eventLoopLagMs");
    }
}
