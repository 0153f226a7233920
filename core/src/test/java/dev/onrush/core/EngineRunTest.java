package dev.onrush.core;

import dev.onrush.core.model.GeneratorLimits;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.core.model.Target;
import dev.onrush.demo.DemoTarget;
import dev.onrush.demo.LatencyModel;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Whole runs against a real DemoTarget on 127.0.0.1. */
class EngineRunTest {

    @TempDir
    Path results;

    private DemoTarget target;

    @AfterEach
    void stopTarget() {
        if (target != null) {
            target.close();
        }
    }

    private String startTarget(DemoTarget.Options options) {
        target = new DemoTarget(options);
        target.start();
        return target.baseUrl();
    }

    private RunResult run(LoadTest test) {
        return Onrush.builder().eventLoops(2).resultsRoot(results).build().run(test);
    }

    private static Scenario get(String path) {
        return Scenario.of("get", 1, Step.Request.of("GET", path), Duration.ZERO);
    }

    @Test
    void openModelCompletesTheScheduledNumberOfRequests() throws Exception {
        String url = startTarget(DemoTarget.Options.builder().build());
        LoadTest test = LoadTest.builder("open-1000").target(url).scenario(get("/api/users"))
                .phase("steady", Duration.ofSeconds(5), LoadShape.rate(1000, 1000))
                .criterion("error_rate < 1%").build();

        RunResult r = run(test);

        assertThat(r.totals().requests()).isBetween(4950L, 5050L);
        assertThat(r.totals().errors()).isZero();
        assertThat(r.statusCodes()).containsEntry("200", r.totals().requests());
        assertThat(r.generator().droppedArrivals()).isZero();
        assertThat(r.latencyMs().p50()).isGreaterThan(0);
        assertThat(r.intervals()).hasSizeBetween(5, 6);
        assertThat(r.verdict()).isIn(Verdict.PASSED, Verdict.INCONCLUSIVE);
        Path dir = results.resolve(r.testId());
        assertThat(dir.resolve("result.json")).exists();
        assertThat(Files.readAllLines(dir.resolve("intervals.jsonl"))).hasSize(r.intervals().size());
        assertThat(Files.readString(dir.resolve("latency.hlog"))).contains("#[StartTime:");
    }

    @Test
    void closedModelThroughputIsUsersOverThinkTime() {
        String url = startTarget(DemoTarget.Options.builder().build());
        // 20 users, 200 ms think: about 100 requests per second while the target answers in well under 1 ms
        LoadTest test = LoadTest.builder("closed").target(url)
                .scenario(Scenario.of("think", 1, Step.Request.of("GET", "/api/users"), Duration.ofMillis(200)))
                .phase("steady", Duration.ofSeconds(5), LoadShape.users(20, 20)).build();

        RunResult r = run(test);

        // each user's cycle is its think time plus what the run measured: the response time and the generator's
        // own lateness in starting the next request (Little's law, on this machine's numbers); and no user can
        // beat its think time, however fast the machine
        double cycleS = 0.200 + (r.latencyMs().mean() + r.generator().lagMs().mean()) / 1000;
        assertThat(r.totals().throughputRps()).as("cycle %.4f s", cycleS)
                .isCloseTo(20 / cycleS, within(20 / cycleS * 0.10))
                .isLessThanOrEqualTo(20 / 0.200 * 1.02);
        assertThat(r.intervals().get(2).activeUsers()).isEqualTo(20);
    }

    @Test
    void stallsShowInLatencyFromTheIntendedStart() {
        String url = startTarget(DemoTarget.Options.builder()
                .stalls(Duration.ofMillis(500), Duration.ofSeconds(2)).build());
        LoadTest test = LoadTest.builder("stalls").target(Target.of(url).withMaxConnections(4))
                .scenario(get("/api/users"))
                .phase("steady", Duration.ofSeconds(6), LoadShape.rate(200, 200)).build();

        RunResult r = run(test);

        assertThat(r.latencyMs().p99()).isGreaterThanOrEqualTo(300);
        // requests queued behind the stall waited for a connection: service time cannot hide that
        assertThat(r.latencyMs().p99()).isGreaterThanOrEqualTo(r.serviceTimeMs().p99());
        assertThat(r.generator().connectionWaitMs().max()).isGreaterThan(100);
    }

    @Test
    void refusedConnectionsAreClassified() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // a generous lag bound: this test is about classification, and a busy machine may delay a 1 s run's start
        LoadTest test = LoadTest.builder("refused").target("http://127.0.0.1:" + port).scenario(get("/"))
                .limits(new GeneratorLimits(Duration.ofSeconds(10), 1.0))
                .phase("steady", Duration.ofSeconds(1), LoadShape.rate(50, 50)).criterion("error_rate < 1%").build();

        RunResult r = run(test);

        assertThat(r.errorsByKind()).containsKey("connect_refused");
        assertThat(r.totals().errors()).isEqualTo(r.totals().requests()).isPositive();
        assertThat(r.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void slowResponsesTimeOut() {
        String url = startTarget(DemoTarget.Options.builder().latency(new LatencyModel.Fixed(Duration.ofSeconds(2)))
                .build());
        LoadTest test = LoadTest.builder("timeouts")
                .target(Target.of(url).withTimeout(Duration.ofMillis(300)))
                .scenario(get("/api/users"))
                .phase("steady", Duration.ofSeconds(2), LoadShape.rate(20, 20)).build();

        RunResult r = run(test);

        assertThat(r.errorsByKind()).containsKey("response_timeout");
        assertThat(r.errorsByKind().get("response_timeout")).isGreaterThanOrEqualTo(30);
        assertThat(r.serviceTimeMs().max()).isBetween(300.0, 1000.0);
    }

    @Test
    void abortKeepsTheResultSoFar() throws Exception {
        String url = startTarget(DemoTarget.Options.builder().build());
        LoadTest test = LoadTest.builder("aborted").target(url).scenario(get("/api/users"))
                .phase("long", Duration.ofSeconds(60), LoadShape.rate(100, 100)).build();

        RunHandle handle = Onrush.builder().eventLoops(2).resultsRoot(results).build().start(test);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (target.requestsReceived() < 100 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        handle.abort("test says stop");
        RunResult r = handle.await();

        assertThat(r.verdict()).isEqualTo(Verdict.ABORTED);
        assertThat(r.verdictReason()).contains("test says stop");
        assertThat(r.durationS()).isLessThan(30);
        assertThat(r.totals().requests()).isGreaterThanOrEqualTo(100);
        assertThat(handle.outputDir().resolve("result.json")).exists();
    }

    @Test
    void http2TargetsAreLoadedOverH2c() throws Exception {
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        java.util.Set<String> versions = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try {
            io.vertx.core.http.HttpServer server = vertx.createHttpServer()
                    .requestHandler(req -> {
                        versions.add(req.version().name());
                        req.response().end("{\"ok\":true}");
                    })
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
            Target h2 = new Target(java.net.URI.create("http://127.0.0.1:" + server.actualPort()),
                    Duration.ofSeconds(5), Duration.ofSeconds(2), 4, 1000, dev.onrush.core.model.HttpVersion.HTTP_2,
                    false);
            LoadTest test = LoadTest.builder("h2").target(h2).scenario(get("/x"))
                    .phase("steady", Duration.ofSeconds(2), LoadShape.rate(200, 200)).build();

            RunResult r = run(test);

            assertThat(r.engine().transport()).startsWith("h2-vertx-httpclient");
            assertThat(r.totals().requests()).isBetween(396L, 404L);
            assertThat(r.totals().errors()).isZero();
            assertThat(r.totals().bytesReceived()).isEqualTo(11L * r.totals().requests());
            assertThat(versions).containsExactly("HTTP_2");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }

    @Test
    void tlsNeedsTrustOrAnOptInToTrustAll() throws Exception {
        // a self-signed certificate from the JDK's own keytool (no extra library)
        Path keystore = results.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost", "-validity", "2",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1").redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            io.vertx.core.http.HttpServer server = vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions()
                            .setSsl(true).setKeyCertOptions(new io.vertx.core.net.PfxOptions()
                                    .setPath(keystore.toString()).setPassword("changeit")))
                    .requestHandler(req -> req.response().end("secure"))
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
            java.net.URI url = java.net.URI.create("https://localhost:" + server.actualPort());
            Target base = Target.of(url.toString()).withMaxConnections(2);
            Target trusting = new Target(url, base.timeout(), base.connectTimeout(), 2, base.maxQueue(),
                    base.httpVersion(), true);

            // 3 s: the first TLS handshake of a JVM sets up its SSL context, which takes a while on a busy machine
            RunResult refused = run(LoadTest.builder("tls-untrusted").target(base).scenario(get("/"))
                    .phase("p", Duration.ofSeconds(3), LoadShape.rate(10, 10)).build());
            RunResult trusted = run(LoadTest.builder("tls-trust-all").target(trusting).scenario(get("/"))
                    .phase("p", Duration.ofSeconds(3), LoadShape.rate(10, 10)).build());

            assertThat(refused.errorsByKind()).containsOnlyKeys("tls");
            assertThat(refused.totals().errors()).isEqualTo(refused.totals().requests()).isPositive();
            assertThat(trusted.totals().errors()).isZero();
            assertThat(trusted.statusCodes().get("200")).isBetween(20L, 30L);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }

    @Test
    void droppedArrivalsMakeTheRunInconclusive() {
        String url = startTarget(DemoTarget.Options.builder()
                .latency(LatencyModel.fixed(Duration.ofMillis(100))).build());
        // one connection, no wait queue, 100 ms per request, 100 arrivals/s: about 9 in 10 arrivals find no room
        LoadTest test = LoadTest.builder("drops").target(Target.of(url).withMaxConnections(1).withMaxQueue(0))
                .scenario(get("/api/users"))
                .phase("p", Duration.ofSeconds(2), LoadShape.rate(100, 100)).criterion("error_rate < 1%").build();

        RunResult r = Onrush.builder().eventLoops(1).resultsRoot(results).build().run(test);

        assertThat(r.generator().droppedArrivals()).isBetween(150L, 195L);
        assertThat(r.totals().requests() + r.generator().droppedArrivals()).isBetween(198L, 202L);
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.verdictReason()).contains("dropped");
    }

    @Test
    void abortOnFailStopsAFailingRunWithinItsGracePlusTwoSeconds() {
        String url = startTarget(DemoTarget.Options.builder().errorRate(1.0).build());
        LoadTest test = LoadTest.builder("fail-fast").target(url).scenario(get("/api/users"))
                .phase("long", Duration.ofSeconds(60), LoadShape.rate(50, 50))
                .criterion(dev.onrush.core.model.Criterion.parse("error_rate < 1%")
                        .abortingAfter(Duration.ofSeconds(2)))
                .build();

        RunResult r = run(test);

        assertThat(r.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(r.verdictReason()).contains("error_rate < 1%", "abort_on_fail");
        // judged on run time, not on the machine's: broken from the first interval, the run stops with the
        // interval that ends its 2 s grace (at most a sliver of a third), long before the phase's 60 s
        assertThat(r.intervals()).hasSizeBetween(2, 3);
        assertThat(r.intervals().get(1).totals().errorRatePercent()).isEqualTo(100.0);
        assertThat(r.durationS()).isLessThan(30);
        assertThat(r.criteria().get(0).passed()).isFalse();
    }

    @Test
    void virtualUsersRampUpAndDownAsThePhasesSay() {
        String url = startTarget(DemoTarget.Options.builder().build());
        LoadTest test = LoadTest.builder("ramps").target(url)
                .scenario(Scenario.of("think", 1, Step.Request.of("GET", "/api/users"), Duration.ofMillis(100)))
                .phase("up", Duration.ofSeconds(2), LoadShape.users(0, 20))
                .phase("down", Duration.ofSeconds(2), LoadShape.users(20, 0)).build();

        RunResult r = run(test);

        // users alive at the end of each second: 10, 20 (top of the ramp), 10, then none
        assertThat(r.intervals()).hasSize(4);
        assertThat(r.intervals().get(0).activeUsers()).isBetween(9, 11);
        assertThat(r.intervals().get(1).activeUsers()).isBetween(19, 20);
        assertThat(r.intervals().get(2).activeUsers()).isBetween(9, 11);
        assertThat(r.intervals().get(3).activeUsers()).isBetween(0, 1);
        assertThat(r.phases()).extracting(p -> p.name()).containsExactly("up", "down");
        // about (average users) / (think + service) per second in each phase: 10 / 0.1 s
        assertThat(r.phases().get(0).throughputRps()).isBetween(70.0, 110.0);
        assertThat(r.phases().get(1).throughputRps()).isBetween(70.0, 110.0);
        // a ramp down costs the generator nothing: it stays as on time as it was on the way up (before the fix its
        // lag p99 was about a second going down); compared with the same run's ramp up, so a busy machine, which
        // slows both, does not decide it
        double upLag = worstLagP99(r, "up");
        double downLag = worstLagP99(r, "down");
        assertThat(downLag).as("lag p99 down vs up (%.1f ms)", upLag).isLessThan(Math.max(200, 2 * upLag));
    }

    private static double worstLagP99(RunResult r, String phase) {
        return r.intervals().stream().filter(i -> i.phase().equals(phase))
                .mapToDouble(i -> i.generator().lagMs().p99()).max().orElseThrow();
    }
}
