package dev.onrush.core.sink;

import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.sink.ResultSink;
import dev.onrush.spi.sink.ResultSinkProvider;

import java.util.List;

/**
 * {@code sinks: [{id: console}]}: live progress and the summary table on standard output (or standard error).
 * A runner that already shows the console (the {@code onrush} command, {@code Onrush.builder().console(...)})
 * ignores this entry rather than print everything twice. Thread-safe.
 */
public final class ConsoleSinkProvider implements ResultSinkProvider {

    public static final String ID = "console";

    private static final List<ConfigKey> KEYS = List.of(
            ConfigKey.optional("interactive", ConfigKey.Type.BOOLEAN, false,
                    "rewrite the progress line in place (for a terminal) instead of one line per second"),
            ConfigKey.optional("stream", ConfigKey.Type.STRING, "stdout", "where to print: stdout or stderr"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigKey> configKeys() {
        return KEYS;
    }

    /** @throws IllegalArgumentException when {@code stream} is neither stdout nor stderr */
    @Override
    public ResultSink create(PluginConfig config) {
        String stream = config.string("stream");
        return switch (stream) {
            case "stdout" -> new ConsoleSink(System.out, config.bool("interactive"));
            case "stderr" -> new ConsoleSink(System.err, config.bool("interactive"));
            default -> throw new IllegalArgumentException("stream: expected stdout or stderr, got \"" + stream + "\"");
        };
    }
}
