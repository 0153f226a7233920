package dev.onrush.core;

import dev.onrush.core.model.GeneratorLimits;
import dev.onrush.core.model.HttpVersion;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.core.model.Target;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.Verdict;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A TLS target that accepts TCP connections and never answers the client hello: the connect timeout must cover the
 * handshake, so every request fails as {@code connect_timeout} instead of waiting unanswered to the end.
 */
class StalledTlsHandshakeRunTest {

    private static Vertx vertx;
    private static NetServer server;

    @BeforeAll
    static void startSilentServer() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0))
                .connectHandler(socket -> socket.handler(bytes -> {
                    // read the client hello and say nothing: the handshake stalls
                }))
                .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(HttpVersion.class)
    void aStalledHandshakeFailsAsConnectTimeout(HttpVersion version, @TempDir Path results) {
        // the connect timeout (1 s) is well inside the 4 s run, the request timeout far outside it
        Target target = new Target(URI.create("https://127.0.0.1:" + server.actualPort()), Duration.ofSeconds(60),
                Duration.ofSeconds(1), 2, 10_000, version, true);
        LoadTest test = LoadTest.builder("stalled-tls").target(target)
                .scenario(Scenario.of("get", 1, Step.Request.of("GET", "/"), Duration.ZERO))
                .limits(new GeneratorLimits(Duration.ofSeconds(10), 100.0))
                .phase("steady", Duration.ofSeconds(4), LoadShape.rate(20, 20))
                .criterion("error_rate < 1%").build();

        RunResult r = Onrush.builder().eventLoops(1).resultsRoot(results).build().run(test);

        long timedOut = r.errorsByKind().getOrDefault("connect_timeout", 0L);
        // the requests of the first three seconds have had their second of handshake; only the last ones may be left
        assertThat(timedOut).as("errors by kind: %s", r.errorsByKind()).isGreaterThanOrEqualTo(40);
        assertThat(r.errorsByKind().getOrDefault("unfinished", 0L)).isLessThan(timedOut);
        assertThat(r.verdict()).isEqualTo(Verdict.FAILED);
    }
}
