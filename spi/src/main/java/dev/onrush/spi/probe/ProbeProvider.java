package dev.onrush.spi.probe;

import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.PluginConfig;

import java.util.List;

/**
 * Makes {@link Probe}s for the plan entries {@code probes: [{id: <id>, ...}]}. Found with
 * {@link java.util.ServiceLoader}: list the class in {@code META-INF/services/dev.onrush.spi.probe.ProbeProvider}.
 *
 * <p>Rules: a public no-arg constructor that does no I/O; {@link #id()} and {@link #configKeys()} are constant and
 * cheap. Thread-safe: one provider may create probes for several runs at once.
 */
public interface ProbeProvider {

    /** The id plans use, e.g. {@code cloudwatch}; non-blank, stable. */
    String id();

    /** Every setting the probe accepts; snake_case names, each once. The engine rejects any other key. */
    List<ConfigKey> configKeys();

    /**
     * Makes a probe for one run. {@code config} has already been validated against {@link #configKeys()}. May
     * build clients but should not call the remote service yet.
     *
     * @throws IllegalArgumentException when the settings cannot work together; the message names the keys
     */
    Probe create(PluginConfig config);
}
