package dev.onrush.spi.sink;

import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.PluginConfig;

import java.util.List;

/**
 * Makes {@link ResultSink}s for the plan entries {@code sinks: [{id: <id>, ...}]}. Found with
 * {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.onrush.spi.sink.ResultSinkProvider}.
 *
 * <p>Rules: a public no-arg constructor that does no I/O; {@link #id()} and {@link #configKeys()} are constant and
 * cheap. Thread-safe: one provider may create sinks for several runs at once.
 */
public interface ResultSinkProvider {

    /** The id plans use, e.g. {@code dynamodb}; non-blank, stable. */
    String id();

    /** Every setting the sink accepts; snake_case names, each once. The engine rejects any other key. */
    List<ConfigKey> configKeys();

    /**
     * Makes a sink for one run. {@code config} has already been validated against {@link #configKeys()}. May build
     * clients but should not call the remote service yet (that is {@link ResultSink#onStart}'s job).
     *
     * @throws IllegalArgumentException when the settings cannot work together; the message names the keys
     */
    ResultSink create(PluginConfig config);
}
