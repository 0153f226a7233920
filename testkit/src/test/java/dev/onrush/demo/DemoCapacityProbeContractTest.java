package dev.onrush.demo;

import dev.onrush.spi.probe.ProbeProvider;
import dev.onrush.testkit.ProbeContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The demo-capacity probe keeps the probe contract, against a running DemoTarget. */
class DemoCapacityProbeContractTest extends ProbeContract {

    private static DemoTarget target;

    @BeforeAll
    static void startTarget() {
        target = new DemoTarget(DemoTarget.Options.builder().capacity(4).build());
        target.start();
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    @Override
    protected ProbeProvider provider() {
        return new DemoCapacityProbeProvider();
    }

    @Override
    protected Map<String, Object> config() {
        return Map.of("url", target.baseUrl(), "period", "500ms");
    }

    @Override
    protected Optional<Map<String, Object>> unreachableConfig() {
        return Optional.of(Map.of("url", "http://127.0.0.1:1", "timeout", "1s"));
    }

    @Override
    protected Duration timeout() {
        return Duration.ofSeconds(10);
    }
}
