package dev.onrush.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onrush.demo.DemoTarget;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Schedules through the REST API: they fire on a short cron, skip while their run is going, and are stored. */
@QuarkusTest
class ScheduleApiTest {

    private static DemoTarget target;

    @TestHTTPResource("/")
    URI base;

    private Api api;

    @BeforeAll
    static void startTarget() {
        target = new DemoTarget(DemoTarget.Options.builder().build());
        target.start();
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    private String body(String plan, String cron, String zone) throws Exception {
        return Api.JSON.writeValueAsString(Map.of("plan", plan, "cron", cron, "time_zone", zone));
    }

    @Test
    void aScheduleFiresOnAShortCronSkipsWhileItsRunIsGoingAndIsStoredWithoutShowingSecrets() throws Exception {
        String plan = """
                name: nightly
                target: {url: "%s"}
                scenarios: [{name: s, request: {path: /api/users, headers: {Authorization: "Bearer sched-31f"}}}]
                phases: [{name: p, duration: 2500ms, rate: 20}]
                """.formatted(target.baseUrl());
        Api.Reply created = api.postJson("/api/schedules", body(plan, "* * * * * ?", "Europe/Berlin"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.json().get("time_zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(created.json().get("plan").asText()).contains("Authorization: <redacted>").doesNotContain("sched-31f");
        try {
            Path file = Path.of("target/serve-results/schedules", id + ".json");
            assertThat(file).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

            JsonNode fired = api.await("/api/schedules/" + id,
                    j -> j.get("runs_started").asLong() >= 1 && j.get("runs_skipped").asLong() >= 1,
                    Duration.ofSeconds(20));
            assertThat(fired.get("next_run_at").asText()).isNotEmpty();
            String runId = fired.get("last_run_id").asText();
            JsonNode run = api.get("/api/tests/" + runId).json();
            assertThat(run.get("origin").asText()).isEqualTo("schedule:" + id);
            assertThat(api.get("/api/schedules").body()).contains(id);
        } finally {
            assertThat(api.delete("/api/schedules/" + id).status()).isEqualTo(204);
        }
        assertThat(api.get("/api/schedules/" + id).status()).isEqualTo(404);
        assertThat(Path.of("target/serve-results/schedules", id + ".json")).doesNotExist();
        // let the last scheduled run end, so that other tests find no run going
        String last = api.send("GET", "/api/tests", null, null, Api.TOKEN).json().findValuesAsText("id").stream()
                .filter(i -> i.contains("nightly")).findFirst().orElseThrow();
        api.await("/api/tests/" + last, j -> !j.get("status").asText().equals("RUNNING"), Duration.ofSeconds(30));
    }

    @Test
    void badCronTimeZoneOrTargetAreRefusedNamingTheProblem() throws Exception {
        String plan = ServeApiTest.plan("x", target.baseUrl(), "[{name: p, duration: 1s, rate: 1}]");
        Api.Reply cron = api.postJson("/api/schedules", body(plan, "every day", "UTC"));
        assertThat(cron.status()).isEqualTo(400);
        assertThat(cron.json().get("message").asText()).contains("cron", "every day");
        Api.Reply zone = api.postJson("/api/schedules", body(plan, "0 0 3 * * ?", "Mars/Base"));
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.json().get("message").asText()).contains("Mars/Base");
        Api.Reply far = api.postJson("/api/schedules", body(ServeApiTest.plan("x", "http://192.0.2.1",
                "[{name: p, duration: 1s, rate: 1}]"), "0 0 3 * * ?", "UTC"));
        assertThat(far.status()).isEqualTo(403);
        assertThat(api.send("GET", "/api/schedules", null, null, null).status()).isEqualTo(401);
    }
}
