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
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A target that answers the first request of each connection and then hangs, with a request timeout longer than
 * the run: the requests left without an answer must count, and the run must never pass.
 */
class UnansweredRequestsRunTest {

    private static Vertx vertx;
    private static HttpServer server;

    @BeforeAll
    static void startHangingServer() throws Exception {
        vertx = Vertx.vertx();
        Set<HttpConnection> answered = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(req -> {
                    if (answered.add(req.connection())) {
                        req.response().end("ok");
                    }
                    // later requests on the connection get nothing: the server hangs
                })
                .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(HttpVersion.class)
    void requestsWithoutAnAnswerAtTheEndAreCountedAndTheRunFails(HttpVersion version, @TempDir Path results)
            throws Exception {
        Target target = new Target(URI.create("http://127.0.0.1:" + server.actualPort()), Duration.ofSeconds(30),
                Duration.ofSeconds(5), 4, 10_000, version, false);
        // the criteria hold on what was answered; a lag bound no busy machine breaks: only the end may decide
        LoadTest test = LoadTest.builder("hangs").target(target)
                .scenario(Scenario.of("get", 1, Step.Request.of("GET", "/"), Duration.ZERO))
                .limits(new GeneratorLimits(Duration.ofSeconds(10), 100.0))
                .phase("steady", Duration.ofSeconds(2), LoadShape.rate(100, 100))
                .criterion("throughput > 0/s").build();

        RunResult r = Onrush.builder().eventLoops(2).resultsRoot(results).build().run(test);

        long unfinished = r.errorsByKind().getOrDefault("unfinished", 0L);
        assertThat(r.generator().unfinishedRequests()).isEqualTo(unfinished);
        // about 200 were due; at most one per connection (4) was answered
        assertThat(r.totals().requests()).isBetween(150L, 250L);
        assertThat(unfinished).isGreaterThanOrEqualTo(r.totals().requests() - 4);
        assertThat(r.totals().errors()).isEqualTo(unfinished);
        // an unanswered request's latency is the time it waited: at least the 5 s grace after the run
        assertThat(r.latencyMs().max()).isGreaterThanOrEqualTo(5_000);
        assertThat(r.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(r.verdictReason()).contains("had no answer when the run ended");
        String json = Files.readString(results.resolve(r.testId()).resolve("result.json"));
        assertThat(json).contains("\"unfinished\"");
    }
}
