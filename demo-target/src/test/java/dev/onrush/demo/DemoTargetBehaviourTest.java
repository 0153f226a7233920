package dev.onrush.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DemoTargetBehaviourTest {

    private static final DemoTarget.Options DEFAULTS = DemoTarget.Options.defaults();

    @Test
    void fixedLatencyDelaysResponsesAtLeastTheConfiguredTime() {
        try (DemoTarget target = started(DEFAULTS.newBuilder().baseLatency(Duration.ofMillis(200)).build())) {
            Http http = new Http(target.baseUrl());

            long startNs = System.nanoTime();
            HttpResponse<String> response = http.get("/api/users");
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(elapsedMs).isBetween(200L, 5_000L);
        }
    }

    @Test
    void healthIsNeverDelayedFailedOrQueued() {
        DemoTarget.Options slowAndBroken = DEFAULTS.newBuilder()
                .baseLatency(Duration.ofSeconds(30)).errorRate(1).capacity(1).build();
        try (DemoTarget target = started(slowAndBroken)) {
            Http http = new Http(target.baseUrl());
            http.getAsync("/api/users"); // occupies the only slot for 30 s

            HttpResponse<String> health = http.get("/api/health");

            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void errorRateFailsTheConfiguredFractionOfRequests() {
        try (DemoTarget target = started(DEFAULTS.newBuilder().errorRate(0.2).seed(7).build())) {
            Http http = new Http(target.baseUrl());
            int failures = 0;
            for (int i = 0; i < 2_000; i++) {
                if (http.get("/api/users").statusCode() == 500) {
                    failures++;
                }
            }

            // 2,000 draws at p = 0.2: mean 400, standard deviation ~18; allow more than 4 of them.
            assertThat(failures).isBetween(325, 475);
            assertThat(target.responses(500)).isEqualTo(failures);
            assertThat(target.responses(200)).isEqualTo(2_000 - failures);
        }
    }

    @Test
    void capacityQueuesRequestsFifoBeyondTheLimit() {
        DemoTarget.Options oneAtATime = DEFAULTS.newBuilder()
                .baseLatency(Duration.ofMillis(100)).capacity(1).build();
        try (DemoTarget target = started(oneAtATime)) {
            Http http = new Http(target.baseUrl());
            http.get("/api/health"); // warm up the client so the 5 requests leave together

            long startNs = System.nanoTime();
            List<CompletableFuture<Long>> doneMs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                doneMs.add(http.getAsync("/api/users")
                        .thenApply(r -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs)));
            }
            long lastMs = doneMs.stream().mapToLong(CompletableFuture::join).max().orElseThrow();

            assertThat(lastMs).isGreaterThanOrEqualTo(450);
            assertThat(target.maxQueueLength()).isBetween(1L, 4L);
            assertThat(target.inService()).isZero();
            assertThat(target.queued()).isZero();
            assertThat(target.responses(200)).isEqualTo(6);
        }
    }

    @Test
    void unlimitedCapacityNeverQueues() {
        try (DemoTarget target = started(DEFAULTS.newBuilder().baseLatency(Duration.ofMillis(100)).build())) {
            Http http = new Http(target.baseUrl());
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                responses.add(http.getAsync("/api/users"));
            }
            responses.forEach(CompletableFuture::join);

            assertThat(target.maxQueueLength()).isZero();
        }
    }

    @Test
    void aResponseDueDuringAStallIsHeldUntilTheStallEnds() throws Exception {
        // Stalls of 800 ms every 1 s: stall k covers [origin + k s, origin + k s + 0.8 s), and the origin lies
        // between beforeStartNs and afterStartNs.
        DemoTarget.Options stalling = DEFAULTS.newBuilder()
                .stalls(Duration.ofMillis(800), Duration.ofSeconds(1)).build();
        long beforeStartNs = System.nanoTime();
        try (DemoTarget target = started(stalling)) {
            long afterStartNs = System.nanoTime();
            Http http = new Http(target.baseUrl());
            http.get("/api/health");
            // send inside a stall, with room before its end: a busy machine that wakes this thread too late for
            // one stall tries the next, rather than sending outside any
            long stallEndsNoEarlierThanNs = -1;
            for (int k = 1; k <= 10 && stallEndsNoEarlierThanNs < 0; k++) {
                long stallNs = TimeUnit.SECONDS.toNanos(k);
                waitUntil(afterStartNs + stallNs + TimeUnit.MILLISECONDS.toNanos(50));
                if (System.nanoTime() - beforeStartNs < stallNs + TimeUnit.MILLISECONDS.toNanos(600)) {
                    stallEndsNoEarlierThanNs = beforeStartNs + stallNs + TimeUnit.MILLISECONDS.toNanos(800);
                }
            }
            assertThat(stallEndsNoEarlierThanNs).as("a moment inside a stall in ten tries").isPositive();

            CompletableFuture<Long> apiDoneNs = http.getAsync("/api/users").thenApply(r -> System.nanoTime());
            CompletableFuture<Long> healthDoneNs = http.getAsync("/api/health").thenApply(r -> System.nanoTime());

            assertThat(apiDoneNs.get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(stallEndsNoEarlierThanNs);
            assertThat(healthDoneNs.get(10, TimeUnit.SECONDS)).isLessThan(apiDoneNs.join());
        }
    }

    @Test
    void reconfigureChangesErrorRateAndLatencyForNextRequests() {
        try (DemoTarget target = started(DEFAULTS)) {
            Http http = new Http(target.baseUrl());
            assertThat(http.get("/api/users").statusCode()).isEqualTo(200);

            target.reconfigure(target.options().newBuilder().errorRate(1).build());
            assertThat(http.get("/api/users").statusCode()).isEqualTo(500);

            target.reconfigure(target.options().newBuilder().errorRate(0).baseLatency(Duration.ofMillis(150)).build());
            long startNs = System.nanoTime();
            assertThat(http.get("/api/users").statusCode()).isEqualTo(200);
            assertThat(System.nanoTime() - startNs).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
        }
    }

    @Test
    void reconfigureKeepsHostPortEventLoopsAndSeed() {
        try (DemoTarget target = started(DEFAULTS)) {
            target.reconfigure(DEFAULTS.newBuilder().port(1234).seed(99).capacity(3).build());

            assertThat(target.options().port()).isZero();
            assertThat(target.options().seed()).isEqualTo(DEFAULTS.seed());
            assertThat(target.options().capacity()).isEqualTo(3);
        }
    }

    @Test
    void raisingCapacityStartsQueuedRequests() {
        DemoTarget.Options blocked = DEFAULTS.newBuilder().baseLatency(Duration.ofSeconds(30)).capacity(1).build();
        try (DemoTarget target = started(blocked)) {
            Http http = new Http(target.baseUrl());
            http.getAsync("/api/users");
            await(() -> target.inService() == 1);
            target.reconfigure(target.options().newBuilder().baseLatency(Duration.ZERO).build());
            CompletableFuture<HttpResponse<String>> queued = http.getAsync("/api/users");
            await(() -> target.queued() == 1);

            target.reconfigure(target.options().newBuilder().capacity(2).build());

            assertThat(queued.join().statusCode()).isEqualTo(200);
        }
    }

    @Test
    void adminConfigChangesTheRunningServer() {
        try (DemoTarget target = started(DEFAULTS)) {
            Http http = new Http(target.baseUrl());

            HttpResponse<String> answer = http.post("/admin/config",
                    "{\"error_rate\":1.0,\"base_latency\":\"20ms\",\"capacity\":4,"
                            + "\"latency\":{\"type\":\"uniform\",\"min\":\"1ms\",\"max\":5}}");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(answer.body()).getString("base_latency")).isEqualTo("20ms");
            assertThat(target.options().capacity()).isEqualTo(4);
            assertThat(target.options().latency())
                    .isEqualTo(LatencyModel.uniform(Duration.ofMillis(1), Duration.ofMillis(5)));
            assertThat(http.get("/api/users").statusCode()).isEqualTo(500);
        }
    }

    @Test
    void adminConfigRejectsBadFieldsAllAtOnceAndChangesNothing() {
        try (DemoTarget target = started(DEFAULTS)) {
            Http http = new Http(target.baseUrl());

            HttpResponse<String> answer = http.post("/admin/config",
                    "{\"error_rate\":2,\"capacity\":\"x\",\"colour\":\"red\",\"port\":1}");

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(new JsonObject(answer.body()).getString("error"))
                    .contains("error_rate", "capacity", "colour", "port");
            assertThat(target.options()).isEqualTo(DEFAULTS);
            assertThat(http.post("/admin/config", "[1]").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void closeReleasesThePort() throws IOException {
        DemoTarget target = started(DEFAULTS);
        int port = target.port();

        target.close();

        try (ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void closeLeavesASharedVertxOpen() {
        Vertx vertx = Vertx.vertx();
        try {
            DemoTarget target = new DemoTarget(vertx, DEFAULTS);
            target.start();
            assertThat(new Http(target.baseUrl()).get("/api/health").statusCode()).isEqualTo(200);

            target.close();

            assertThat(vertx.deploymentIDs()).isEmpty();
            CompletableFuture<Void> timerFired = new CompletableFuture<>();
            vertx.setTimer(1, id -> timerFired.complete(null));
            assertThat(timerFired).succeedsWithin(Duration.ofSeconds(5));
        } finally {
            vertx.close();
        }
    }

    @Test
    void severalEventLoopsShareOnePort() {
        try (DemoTarget target = started(DEFAULTS.newBuilder().eventLoops(3).build())) {
            Http http = new Http(target.baseUrl());
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                responses.add(http.getAsync("/api/users"));
            }

            assertThat(responses).allSatisfy(r -> assertThat(r.join().statusCode()).isEqualTo(200));
            assertThat(target.requestsReceived()).isEqualTo(30);
        }
    }

    @Test
    void startTwiceIsRejected() {
        try (DemoTarget target = started(DEFAULTS)) {
            assertThatThrownBy(target::start).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void portIsUnavailableBeforeStart() {
        try (DemoTarget target = new DemoTarget(DEFAULTS)) {
            assertThatThrownBy(target::port).isInstanceOf(IllegalStateException.class);
        }
    }

    private static DemoTarget started(DemoTarget.Options options) {
        DemoTarget target = new DemoTarget(options);
        target.start();
        return target;
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadlineNs);
            Thread.onSpinWait();
            sleepMs(5);
        }
    }

    private static void waitUntil(long deadlineNs) {
        long remainingNs = deadlineNs - System.nanoTime();
        if (remainingNs > 0) {
            sleepMs(TimeUnit.NANOSECONDS.toMillis(remainingNs) + 1);
        }
    }

    private static void sleepMs(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
