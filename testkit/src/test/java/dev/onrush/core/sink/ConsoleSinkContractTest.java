package dev.onrush.core.sink;

import dev.onrush.spi.sink.ResultSinkProvider;
import dev.onrush.testkit.ResultSinkContract;

import java.util.Map;

/** The built-in {@code console} sink keeps the sink contract (it has no remote service to be unreachable). */
class ConsoleSinkContractTest extends ResultSinkContract {

    @Override
    protected ResultSinkProvider provider() {
        return new ConsoleSinkProvider();
    }

    @Override
    protected Map<String, Object> config() {
        return Map.of("stream", "stdout", "interactive", false);
    }
}
