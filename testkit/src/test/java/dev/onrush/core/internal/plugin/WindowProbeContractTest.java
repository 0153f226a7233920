package dev.onrush.core.internal.plugin;

import dev.onrush.spi.probe.ProbeProvider;
import dev.onrush.testkit.ProbeContract;

import java.util.Map;

/** The probe kit run against this module's test probe, so that the kit itself is exercised. */
class WindowProbeContractTest extends ProbeContract {

    @Override
    protected ProbeProvider provider() {
        return new WindowProbeProvider();
    }

    @Override
    protected Map<String, Object> config() {
        return Map.of("metric", "cpu", "period", "1s");
    }
}
