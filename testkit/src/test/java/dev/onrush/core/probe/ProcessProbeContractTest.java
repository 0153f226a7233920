package dev.onrush.core.probe;

import dev.onrush.spi.probe.ProbeProvider;
import dev.onrush.testkit.ProbeContract;

import java.util.Map;

/** The built-in process probe keeps the probe contract every plugin keeps. */
class ProcessProbeContractTest extends ProbeContract {

    @Override
    protected ProbeProvider provider() {
        return new ProcessProbeProvider();
    }

    @Override
    protected Map<String, Object> config() {
        return Map.of("period", "200ms");
    }
}
