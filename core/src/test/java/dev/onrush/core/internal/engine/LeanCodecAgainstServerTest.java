package dev.onrush.core.internal.engine;

import dev.onrush.core.Onrush;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.core.model.Target;
import dev.onrush.spi.RunResult;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lean HTTP/1.1 path against a real server sending each kind of framing: chunked bodies, HEAD, 204, 304,
 * {@code Connection: close}, a large body split over many reads.
 */
class LeanCodecAgainstServerTest {

    private static final int BIG = 1 << 20;

    @TempDir
    Path results;

    private Vertx vertx;
    private String url;
    private final AtomicLong connections = new AtomicLong();

    @BeforeEach
    void startServer() throws Exception {
        vertx = Vertx.vertx();
        Buffer big = Buffer.buffer(new byte[BIG]);
        HttpServer server = vertx.createHttpServer()
                .connectionHandler(c -> connections.incrementAndGet())
                .requestHandler(req -> {
                    var resp = req.response();
                    switch (req.path()) {
                        case "/chunked" -> {
                            resp.setChunked(true).write("a");
                            resp.write("bb");
                            resp.end("ccc");
                        }
                        case "/no-content" -> resp.setStatusCode(204).end();
                        case "/not-modified" -> resp.setStatusCode(304).end();
                        case "/close" -> resp.putHeader("Connection", "close").end("bye");
                        case "/big" -> resp.end(big);
                        case "/head" -> resp.putHeader("Content-Length", "5").end(
                                req.method() == HttpMethod.HEAD ? Buffer.buffer() : Buffer.buffer("hello"));
                        default -> resp.setStatusCode(404).end();
                    }
                })
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
        url = "http://127.0.0.1:" + server.actualPort();
    }

    @AfterEach
    void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    @Test
    void everyFramingCompletesWithoutErrors() {
        List<Step> steps = List.of(
                Step.Request.of("GET", "/chunked"), Step.Request.of("GET", "/no-content"),
                Step.Request.of("GET", "/not-modified"), Step.Request.of("HEAD", "/head"),
                Step.Request.of("GET", "/head"), Step.Request.of("GET", "/big"), Step.Request.of("GET", "/close"));
        LoadTest test = LoadTest.builder("framing").target(Target.of(url).withMaxConnections(4))
                .scenario(new Scenario("all", 1, steps))
                .phase("p", Duration.ofSeconds(2), LoadShape.rate(25, 25)).build();

        RunResult r = Onrush.builder().eventLoops(2).resultsRoot(results).build().run(test);

        assertThat(r.totals().errors()).as(r.errorsByKind().toString()).isZero();
        assertThat(r.generator().unfinishedRequests()).isZero();
        assertThat(r.requests()).hasSize(7);
        assertThat(r.statusCodes()).containsOnlyKeys("200", "204", "304");
        assertThat(r.statusCodes().get("204")).isEqualTo(50);
        long body = r.requests().get("GET /big").bytesReceived();
        assertThat(body).isGreaterThanOrEqualTo(50L * BIG);
        // Connection: close ends a connection per session: new ones were opened
        assertThat(connections.get()).isGreaterThan(8);
    }
}
