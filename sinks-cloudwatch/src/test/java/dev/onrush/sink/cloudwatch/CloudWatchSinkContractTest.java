package dev.onrush.sink.cloudwatch;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.onrush.spi.sink.ResultSinkProvider;
import dev.onrush.testkit.ResultSinkContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** The CloudWatch sink keeps Onrush's sink contract, against WireMock speaking CloudWatch's protocol. */
class CloudWatchSinkContractTest extends ResultSinkContract {

    private static WireMockServer server;

    @BeforeAll
    static void startCloudWatch() {
        System.setProperty("aws.accessKeyId", "contract-key");
        System.setProperty("aws.secretAccessKey", "contract-secret");
        server = CloudWatchWire.start();
        server.stubFor(post(urlEqualTo(CloudWatchWire.path("PutMetricData"))).willReturn(CloudWatchWire.ok(Map.of())));
    }

    @AfterAll
    static void stopCloudWatch() {
        server.stop();
    }

    @Override
    protected ResultSinkProvider provider() {
        return new CloudWatchSinkProvider();
    }

    @Override
    protected Map<String, Object> config() {
        return Map.of("endpoint", server.baseUrl(), "region", "eu-west-1", "namespace", "Onrush/Contract");
    }

    @Override
    protected Optional<Map<String, Object>> unreachableConfig() {
        return Optional.of(Map.of("endpoint", "http://127.0.0.1:" + closedPort(), "region", "eu-west-1",
                "timeout", "5s"));
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
