package com.example.onrush;

import dev.onrush.spi.sink.ResultSinkProvider;
import dev.onrush.testkit.ResultSinkContract;

import java.util.Map;
import java.util.Optional;

/** The CSV sink keeps Onrush's sink contract. */
class CsvSinkContractTest extends ResultSinkContract {

    @Override
    protected ResultSinkProvider provider() {
        return new CsvSinkProvider();
    }

    @Override
    protected Map<String, Object> config() {
        return Map.of("file", runDir.resolve("intervals.csv").toString());
    }

    @Override
    protected Optional<Map<String, Object>> unreachableConfig() {
        // a folder that cannot be created: onStart must fail, not hang
        return Optional.of(Map.of("file", "/proc/onrush-example/intervals.csv"));
    }
}
