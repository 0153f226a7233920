package dev.onrush.probe.cloudwatch;

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

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** The CloudWatch probe keeps Onrush's probe contract, against WireMock speaking CloudWatch's protocol. */
class CloudWatchProbeContractTest extends ProbeContract {

    private static WireMockServer server;

    @BeforeAll
    static void startCloudWatch() {
        System.setProperty("aws.accessKeyId", "contract-key");
        System.setProperty("aws.secretAccessKey", "contract-secret");
        server = CloudWatchWire.start();
        long minute = Instant.now().getEpochSecond() / 60 * 60;
        server.stubFor(post(urlEqualTo(CloudWatchWire.path("GetMetricData"))).willReturn(CloudWatchWire.ok(Map.of(
                "MetricDataResults", List.of(CloudWatchWire.result("cpu", "cpu",
                        List.of(Instant.ofEpochSecond(minute - 180), Instant.ofEpochSecond(minute - 120)),
                        List.of(41.5, 63.25))),
                "Messages", List.of()))));
    }

    @AfterAll
    static void stopCloudWatch() {
        server.stop();
    }

    @Override
    protected ProbeProvider provider() {
        return new CloudWatchProbeProvider();
    }

    @Override
    protected Map<String, Object> config() {
        return Map.of("auto_scaling_group", "web-asg", "endpoint", server.baseUrl(), "region", "us-east-1");
    }

    @Override
    protected Optional<Map<String, Object>> unreachableConfig() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Optional.of(Map.of("auto_scaling_group", "web-asg", "region", "us-east-1", "timeout", "5s",
                    "endpoint", "http://127.0.0.1:" + socket.getLocalPort()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
