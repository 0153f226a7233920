package dev.onrush.probe.autoscaling;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.onrush.spi.probe.ProbeProvider;
import dev.onrush.testkit.ProbeContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Auto Scaling probe keeps Onrush's probe contract, against WireMock speaking the Auto Scaling protocol. */
class AutoScalingProbeContractTest extends ProbeContract {

    private static WireMockServer server;

    @BeforeAll
    static void startAutoScaling() {
        System.setProperty("aws.accessKeyId", "contract-key");
        System.setProperty("aws.secretAccessKey", "contract-secret");
        server = AutoScalingWire.start();
        AutoScalingWire.group(server, "web-asg", 1, 4, 2, List.of("InService", "InService"));
        AutoScalingWire.activities(server, null, AutoScalingWire.activity("a-1",
                "Launching a new EC2 instance: i-01abc", "a user request changing the desired capacity from 1 to 2",
                Instant.now().minusSeconds(20), "Successful"), null);
    }

    @AfterAll
    static void stopAutoScaling() {
        server.stop();
    }

    @Override
    protected ProbeProvider provider() {
        return new AutoScalingProbeProvider();
    }

    @Override
    protected Map<String, Object> config() {
        return Map.of("group", "web-asg", "endpoint", server.baseUrl(), "region", "us-east-1");
    }

    @Override
    protected Optional<Map<String, Object>> unreachableConfig() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Optional.of(Map.of("group", "web-asg", "region", "us-east-1", "timeout", "5s",
                    "endpoint", "http://127.0.0.1:" + socket.getLocalPort()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
