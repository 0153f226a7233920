package com.example.onrush;

import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.sink.ResultSink;
import dev.onrush.spi.sink.ResultSinkProvider;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code sinks: [{id: csv, file: intervals.csv}]}: one CSV line per interval. Found by {@code ServiceLoader} through
 * {@code META-INF/services/dev.onrush.spi.sink.ResultSinkProvider}. No I/O here: the file is opened in
 * {@link CsvSink#onStart}.
 */
public final class CsvSinkProvider implements ResultSinkProvider {

    private static final List<ConfigKey> KEYS = List.of(
            ConfigKey.required("file", ConfigKey.Type.STRING, "the CSV file to write (relative to the working folder)"),
            ConfigKey.optional("separator", ConfigKey.Type.STRING, ",", "the column separator"));

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return KEYS;
    }

    @Override
    public ResultSink create(PluginConfig config) {
        String separator = config.string("separator");
        if (separator.isEmpty()) {
            throw new IllegalArgumentException("separator: must not be empty");
        }
        return new CsvSink(Path.of(config.string("file")), separator);
    }
}
