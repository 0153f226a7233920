package dev.onrush.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The scaled-service and leaking-service modes of DemoTarget, against the running server. */
class DemoTargetScalingTest {

    /** 2 slots of 200 ms; a step of 2 after 300 ms of waiting, up to 6. */
    private static final DemoTarget.Options SCALING = DemoTarget.Options.builder()
            .latency(LatencyModel.fixed(Duration.ofMillis(200))).capacity(2)
            .scaleOut(2, Duration.ofMillis(300), 6).build();

    @Test
    void sustainedOverloadScalesOutStepByStepAfterTheDelayUpToTheMax() {
        try (DemoTarget target = started(SCALING)) {
            Http http = new Http(target.baseUrl());
            Instant sent = Instant.now();
            List<CompletableFuture<HttpResponse<String>>> responses = send(http, 60);

            await(() -> target.capacity() == 6, 10);

            List<DemoTarget.ScaleEvent> events = target.scaleEvents();
            assertThat(events).extracting(DemoTarget.ScaleEvent::from).containsExactly(2, 4);
            assertThat(events).extracting(DemoTarget.ScaleEvent::to).containsExactly(4, 6);
            // each step needs its own 300 ms of waiting
            assertThat(Duration.between(sent, events.get(0).at())).isGreaterThanOrEqualTo(Duration.ofMillis(290));
            assertThat(Duration.between(events.get(0).at(), events.get(1).at()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(290));
            assertThat(responses).allSatisfy(r -> assertThat(r.join().statusCode()).isEqualTo(200));
            assertThat(target.capacity()).as("never beyond the max, never scaled in without scale-in").isEqualTo(6);
            assertThat(target.scaleEvents()).hasSize(2);
        }
    }

    @Test
    void idleCapacityScalesBackInToTheInitialCapacity() {
        try (DemoTarget target = started(SCALING.newBuilder().scaleIn(Duration.ofMillis(200)).build())) {
            Http http = new Http(target.baseUrl());
            List<CompletableFuture<HttpResponse<String>>> responses = send(http, 30);
            await(() -> target.capacity() > 2, 10);
            responses.forEach(CompletableFuture::join);

            await(() -> target.capacity() == 2, 10);

            List<DemoTarget.ScaleEvent> events = target.scaleEvents();
            DemoTarget.ScaleEvent last = events.get(events.size() - 1);
            assertThat(last.to()).isEqualTo(2);
            assertThat(last.from()).isEqualTo(4);
        }
    }

    @Test
    void adminCapacityShowsCapacityLoadAndScaleEvents() {
        try (DemoTarget target = started(SCALING)) {
            Http http = new Http(target.baseUrl());
            List<CompletableFuture<HttpResponse<String>>> responses = send(http, 20);
            await(() -> target.capacity() >= 4, 10);

            JsonObject capacity = new JsonObject(http.get("/admin/capacity").body());

            assertThat(capacity.getInteger("capacity")).isGreaterThanOrEqualTo(4);
            assertThat(capacity.getInteger("initial_capacity")).isEqualTo(2);
            assertThat(capacity.getInteger("max_capacity")).isEqualTo(6);
            assertThat(capacity.getInteger("in_service")).isBetween(0, 6);
            assertThat(capacity.getInteger("queued")).isNotNegative();
            JsonArray events = capacity.getJsonArray("scale_events");
            assertThat(events.getJsonObject(0).getInteger("from")).isEqualTo(2);
            assertThat(events.getJsonObject(0).getInteger("to")).isEqualTo(4);
            assertThat(Instant.parse(events.getJsonObject(0).getString("at"))).isBefore(Instant.now());
            JsonObject stats = new JsonObject(http.get("/admin/stats").body());
            assertThat(stats.getInteger("capacity")).isGreaterThanOrEqualTo(4);
            responses.forEach(CompletableFuture::join);
        }
    }

    @Test
    void withoutScalingTheCapacityStaysPutHoweverLongRequestsWait() {
        DemoTarget.Options fixed = SCALING.newBuilder().scaleOut(0, Duration.ZERO, 0).build();
        try (DemoTarget target = started(fixed)) {
            List<CompletableFuture<HttpResponse<String>>> responses = send(new Http(target.baseUrl()), 10);
            responses.forEach(CompletableFuture::join); // about 1 s of queueing

            assertThat(target.capacity()).isEqualTo(2);
            assertThat(target.scaleEvents()).isEmpty();
        }
    }

    @Test
    void reconfigureKeepsAScaledCapacityUnlessTheCapacityItselfChanges() {
        try (DemoTarget target = started(SCALING)) {
            List<CompletableFuture<HttpResponse<String>>> responses = send(new Http(target.baseUrl()), 20);
            await(() -> target.capacity() >= 4, 10);
            int scaled = target.capacity();

            target.reconfigure(target.options().newBuilder().errorRate(0).build());
            assertThat(target.capacity()).isEqualTo(scaled);

            target.reconfigure(target.options().newBuilder().capacity(3).build());
            assertThat(target.capacity()).isEqualTo(3);
            responses.forEach(CompletableFuture::join);
        }
    }

    @Test
    void aLeakLengthensTheServiceTimeWithUptime() {
        // 200 ms more per second: after about a second a request takes at least a further 200 ms
        DemoTarget.Options leaking = DemoTarget.Options.builder().leak(Duration.ofMillis(200)).build();
        try (DemoTarget target = new DemoTarget(leaking)) {
            target.start();
            long startedNs = System.nanoTime();
            Http http = new Http(target.baseUrl());
            sleepMs(1_000);

            long sentNs = System.nanoTime();
            assertThat(http.get("/api/users").statusCode()).isEqualTo(200);
            long tookNs = System.nanoTime() - sentNs;

            long leakedAtLeastNs = (long) ((sentNs - startedNs) * 0.2);
            assertThat(tookNs).isGreaterThanOrEqualTo(leakedAtLeastNs);
            assertThat(TimeUnit.NANOSECONDS.toMillis(tookNs)).isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void turningTheLeakOffHealsIt() {
        DemoTarget.Options leaking = DemoTarget.Options.builder().leak(Duration.ofSeconds(1)).build();
        try (DemoTarget target = new DemoTarget(leaking)) {
            target.start();
            sleepMs(500);

            target.reconfigure(target.options().newBuilder().leak(Duration.ZERO).build());

            long sentNs = System.nanoTime();
            assertThat(new Http(target.baseUrl()).get("/api/users").statusCode()).isEqualTo(200);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentNs)).isLessThan(400);
        }
    }

    private static List<CompletableFuture<HttpResponse<String>>> send(Http http, int n) {
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            responses.add(http.getAsync("/api/users"));
        }
        return responses;
    }

    private static DemoTarget started(DemoTarget.Options options) {
        DemoTarget target = new DemoTarget(options);
        target.start();
        return target;
    }

    private static void await(BooleanSupplier condition, int seconds) {
        long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within %d s", seconds).isLessThan(deadlineNs);
            sleepMs(5);
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
