package dev.onrush.core;

import dev.onrush.core.model.HttpVersion;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.SecretHeaders;
import dev.onrush.core.model.Step;
import dev.onrush.core.model.Target;
import dev.onrush.spi.RunResult;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a run sends and what it stores: secret header values reach the target but no file of the run folder; a
 * redirect is recorded as its status, never followed (the engine has no redirect support on either transport).
 */
class SecretsAndRedirectsRunTest {

    private static final String SECRET = "Bearer run-secret-7f3a9c";

    @TempDir
    Path results;

    private Vertx vertx;
    private HttpServer server;
    private final AtomicLong redirectTargetHits = new AtomicLong();
    private final Queue<String> authorizationsSeen = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startServer() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(req -> {
                    String auth = req.getHeader("Authorization");
                    if (auth != null) {
                        authorizationsSeen.add(auth);
                    }
                    switch (req.path()) {
                        case "/moved" -> req.response().setStatusCode(302).putHeader("Location", "/elsewhere").end();
                        case "/elsewhere" -> {
                            redirectTargetHits.incrementAndGet();
                            req.response().end("here");
                        }
                        default -> req.response().end("ok");
                    }
                })
                .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private LoadTest test(String name, Step.Request request, HttpVersion version) {
        Target t = Target.of("http://127.0.0.1:" + server.actualPort());
        t = new Target(t.url(), t.timeout(), t.connectTimeout(), 4, t.maxQueue(), version, false);
        return LoadTest.builder(name).target(t).scenario(Scenario.of("s", 1, request, Duration.ZERO))
                .phase("p", Duration.ofSeconds(2), LoadShape.rate(20, 20)).build();
    }

    @Test
    void secretHeaderValuesAreSentButNeverStored() throws Exception {
        Step.Request request = Step.Request.of("GET", "/api/me").withHeader("Authorization", SECRET)
                .withHeader("X-Session", "session-value-42").withHeader("X-Tenant", "tenant-a");
        Onrush onrush = Onrush.builder().eventLoops(1).resultsRoot(results)
                .secretHeaders(SecretHeaders.withExtra(List.of("X-Session"))).build();

        RunResult r = onrush.run(test("secrets", request, HttpVersion.HTTP_1_1));

        assertThat(r.totals().requests()).isGreaterThan(10);
        assertThat(authorizationsSeen).isNotEmpty().allMatch(SECRET::equals);
        Path dir = results.resolve(r.testId());
        assertThat(dir.resolve(Onrush.PLAN_FILE)).isNotEmptyFile();
        String plan = Files.readString(dir.resolve(Onrush.PLAN_FILE));
        assertThat(plan).contains("Authorization: " + SecretHeaders.REDACTED, "X-Session: " + SecretHeaders.REDACTED,
                "X-Tenant: tenant-a");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(text).as(f.toString()).doesNotContain("run-secret-7f3a9c", "session-value-42");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(HttpVersion.class)
    void aRedirectIsRecordedAsItsStatusAndNotFollowed(HttpVersion version) {
        RunResult r = Onrush.builder().eventLoops(1).resultsRoot(results).htmlReport(false).build()
                .run(test("redirect", Step.Request.of("GET", "/moved"), version));

        assertThat(r.totals().requests()).isGreaterThan(10);
        assertThat(r.statusCodes()).containsOnlyKeys("302");
        assertThat(redirectTargetHits.get()).isZero();
        assertThat(r.statusCodes()).containsEntry("302", r.totals().requests());
    }
}
