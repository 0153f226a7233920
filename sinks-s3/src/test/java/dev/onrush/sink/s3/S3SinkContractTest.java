package dev.onrush.sink.s3;

import dev.onrush.spi.sink.ResultSinkProvider;
import dev.onrush.testkit.ResultSinkContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;

/** The S3 sink keeps Onrush's sink contract, against S3Proxy. */
class S3SinkContractTest extends ResultSinkContract {

    private static LocalS3 s3;

    @BeforeAll
    static void start() throws Exception {
        s3 = new LocalS3();
        s3.createBucket("contract");
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    @Override
    protected ResultSinkProvider provider() {
        return new S3SinkProvider();
    }

    @Override
    protected Map<String, Object> config() {
        return Map.of("endpoint", s3.endpoint().toString(), "region", "us-east-1", "bucket", "contract",
                "path_style", true);
    }

    @Override
    protected Optional<Map<String, Object>> unreachableConfig() {
        return Optional.of(Map.of("endpoint", "http://127.0.0.1:" + closedPort(), "region", "us-east-1",
                "bucket", "contract", "path_style", true, "max_attempts", 2));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
