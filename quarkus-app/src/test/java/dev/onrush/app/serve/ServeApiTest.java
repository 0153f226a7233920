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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API in process, against a DemoTarget on 127.0.0.1 (allowed by the test profile). */
@QuarkusTest
class ServeApiTest {

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

    static String plan(String name, String url, String phases) {
        return """
                name: %s
                target: {url: "%s"}
                scenarios: [{name: users, request: {path: /api/users}}]
                phases: %s
                """.formatted(name, url, phases);
    }

    private String submit(String yaml) {
        Api.Reply r = api.postYaml("/api/tests", yaml);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asText();
        assertThat(r.raw().headers().firstValue("Location")).get().asString().endsWith("/api/tests/" + id);
        return id;
    }

    private JsonNode awaitEnd(String id) throws InterruptedException {
        return api.await("/api/tests/" + id, j -> !j.get("status").asText().equals("RUNNING"), Duration.ofSeconds(60));
    }

    @Test
    void everyApiCallNeedsTheBearerToken() {
        Api.Reply none = api.send("GET", "/api/tests", null, null, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.raw().headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
        assertThat(none.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(api.send("GET", "/api/tests", null, null, "wrong-token").status()).isEqualTo(401);
        assertThat(api.send("GET", "/api/tests", null, null, Api.TOKEN + "x").status()).isEqualTo(401);
        assertThat(api.send("POST", "/api/tests", "application/yaml", plan("x", target.baseUrl(),
                "[{name: p, duration: 1s, rate: 1}]"), null).status()).isEqualTo(401);
        assertThat(api.send("GET", "/api/no-such-thing", null, null, null).status()).isEqualTo(401);
        for (String spelling : List.of("/%61pi/tests", "/api;x=1/tests", "/API/tests", "/api/tests/", "/./api/tests")) {
            assertThat(api.send("GET", spelling, null, null, null).status()).as(spelling).isEqualTo(401);
        }
        assertThat(api.get("/api/tests").status()).isEqualTo(200);

        assertThat(api.send("GET", "/q/health/ready", null, null, null).status()).isEqualTo(200);
        Api.Reply openapi = api.send("GET", "/q/openapi", null, null, null);
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/tests/{id}/live", "/api/schedules", "/api/tests/{id}/report");
        Api.Reply metrics = api.send("GET", "/q/metrics", null, null, null);
        assertThat(metrics.body()).contains("onrush_api_unauthorized_total");
    }

    @Test
    void aTargetOutsideTheAllowListIs403WithTheReason() {
        Api.Reply r = api.postYaml("/api/tests", plan("far", "http://192.0.2.10:8080",
                "[{name: p, duration: 1s, rate: 1}]"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("error").asText()).isEqualTo("target_not_allowed");
        assertThat(r.json().get("message").asText()).contains("target.url", "192.0.2.10", "[127.0.0.1]");
    }

    @Test
    void aProbeUrlOutsideTheAllowListIs403AndNoRunStarts() {
        String yaml = plan("probing", target.baseUrl(), "[{name: p, duration: 1s, rate: 1}]")
                + "probes: [{id: demo-capacity, url: \"http://127.0.0.2:18090/latest/meta-data/iam/"
                + "security-credentials?x=\"}]\n";
        Api.Reply r = api.postYaml("/api/tests", yaml);
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.json().get("error").asText()).isEqualTo("target_not_allowed");
        assertThat(r.json().get("message").asText()).contains("probes[0] (demo-capacity).url", "127.0.0.2",
                "[127.0.0.1]");
        assertThat(api.get("/api/tests").body()).doesNotContain("probing");
    }

    @Test
    void limitsAre4xxNamingTheLimitAndTheValue() {
        String url = target.baseUrl();
        Api.Reply rate = api.postYaml("/api/tests", plan("r", url, "[{name: p, duration: 1s, rate: 9000}]"));
        assertThat(rate.status()).isEqualTo(422);
        assertThat(rate.json().get("message").asText()).contains("9000", "onrush.serve.max-rate-per-sec=5000");
        Api.Reply users = api.postYaml("/api/tests", plan("u", url, "[{name: p, duration: 1s, users: 1001}]"));
        assertThat(users.status()).isEqualTo(422);
        assertThat(users.json().get("message").asText()).contains("1001", "onrush.serve.max-users=1000");
        Api.Reply time = api.postYaml("/api/tests", plan("d", url, "[{name: p, duration: 2h, rate: 1}]"));
        assertThat(time.status()).isEqualTo(422);
        assertThat(time.json().get("message").asText()).contains("2h", "onrush.serve.max-duration=1h");
        Api.Reply big = api.postYaml("/api/tests", plan("b", url, "[{name: p, duration: 1s, rate: 1}]")
                + "# " + "x".repeat(300_000) + "\n");
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.json().get("message").asText()).contains("onrush.serve.max-plan-bytes=262144");
        Api.Reply bad = api.postYaml("/api/tests", "name: bad\ntarget: {url: ftp://x}\n");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("problems").toString()).contains("target.url", "scenarios");
    }

    @Test
    void aSubmittedRunStreamsIntervalsThenEndsWithItsResult() throws Exception {
        String id = submit(plan("streamed", target.baseUrl(), "[{name: p, duration: 4s, rate: 50}]"));

        List<Api.Event> events = api.events("/api/tests/" + id + "/live", 1000);

        List<Api.Event> intervals = events.stream().filter(e -> e.name().equals("interval")).toList();
        assertThat(intervals).hasSizeGreaterThanOrEqualTo(3);
        assertThat(Api.JSON.readTree(intervals.get(0).data()).get("test_id").asText()).isEqualTo(id);
        assertThat(Api.JSON.readTree(intervals.get(1).data()).get("totals").get("requests").asLong()).isPositive();
        Api.Event last = events.get(events.size() - 1);
        assertThat(last.name()).isEqualTo("result");
        JsonNode result = Api.JSON.readTree(last.data());
        assertThat(result.get("test_id").asText()).isEqualTo(id);
        assertThat(result.get("verdict").asText()).isIn("PASSED", "INCONCLUSIVE");

        JsonNode status = awaitEnd(id);
        assertThat(status.get("verdict").asText()).isEqualTo(result.get("verdict").asText());
        assertThat(status.get("live").get("intervals").asInt()).isGreaterThanOrEqualTo(3);
        Api.Reply file = api.get("/api/tests/" + id + "/result");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.json().get("schema_version").asInt()).isEqualTo(1);
        Api.Reply report = api.get("/api/tests/" + id + "/report");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.raw().headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(report.body()).contains("<html");
        assertThat(api.get("/api/tests").body()).contains("\"id\":\"" + id + "\"");
        // a stream opened after the end gets the result at once
        assertThat(api.events("/api/tests/" + id + "/live", 1000)).last().extracting(Api.Event::name)
                .isEqualTo("result");
    }

    @Test
    void abortStopsARunMidwayAndKeepsItsResultsAsAborted() throws Exception {
        String id = submit(plan("aborted", target.baseUrl(), "[{name: p, duration: 60s, rate: 20}]"));
        api.await("/api/tests/" + id, j -> j.get("live").get("intervals").asInt() >= 2, Duration.ofSeconds(20));

        Api.Reply abort = api.delete("/api/tests/" + id);

        assertThat(abort.status()).isEqualTo(202);
        JsonNode end = awaitEnd(id);
        assertThat(end.get("status").asText()).isEqualTo("ABORTED");
        assertThat(end.get("verdict_reason").asText()).contains("aborted through the API");
        JsonNode result = api.get("/api/tests/" + id + "/result").json();
        assertThat(result.get("verdict").asText()).isEqualTo("ABORTED");
        assertThat(result.get("totals").get("requests").asLong()).isPositive();
        assertThat(result.get("duration_s").asDouble()).isLessThan(30);
        assertThat(api.delete("/api/tests/" + id).status()).isEqualTo(409);
        assertThat(api.delete("/api/tests/no-such-run").status()).isEqualTo(404);
    }

    @Test
    void runsBeyondTheConcurrencyLimitAre429() throws Exception {
        List<String> ids = new ArrayList<>();
        try {
            ids.add(submit(plan("long-1", target.baseUrl(), "[{name: p, duration: 60s, rate: 5}]")));
            ids.add(submit(plan("long-2", target.baseUrl(), "[{name: p, duration: 60s, rate: 5}]")));
            Api.Reply third = api.postYaml("/api/tests", plan("long-3", target.baseUrl(),
                    "[{name: p, duration: 60s, rate: 5}]"));
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.json().get("message").asText()).contains("onrush.serve.max-concurrent-runs=2");
        } finally {
            for (String id : ids) {
                api.delete("/api/tests/" + id);
            }
            for (String id : ids) {
                awaitEnd(id);
            }
        }
    }

    @Test
    void secretHeaderValuesNeverReachAStoredFileOrTheApi() throws Exception {
        List<String> secrets = List.of("Bearer tok-9d8c7b", "sid=cookie-4e5f", "key-1a2b3c", "sess-77aa");
        String json = """
                {"name": "secretive", "target": {"url": "%s"},
                 "scenarios": [{"name": "me", "request": {"path": "/api/users", "headers": {
                    "Authorization": "%s", "Cookie": "%s", "X-Api-Key": "%s", "X-Session": "%s",
                    "X-Tenant": "tenant-visible"}}}],
                 "phases": [{"name": "p", "duration": "2s", "rate": 20}]}
                """.formatted(target.baseUrl(), secrets.get(0), secrets.get(1), secrets.get(2), secrets.get(3));
        Api.Reply r = api.postJson("/api/tests", json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asText();
        JsonNode end = awaitEnd(id);
        assertThat(end.get("live").get("requests").asLong()).isPositive();

        Path dir = Path.of("target/serve-results", id);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("plan.yaml", "result.json", "intervals.jsonl", "latency.hlog", "report.html");
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertThat(text).as(f + " holds a secret").doesNotContain(secret);
            }
        }
        String plan = api.get("/api/tests/" + id + "/plan").body();
        assertThat(plan).contains("X-Tenant: tenant-visible").contains("Authorization: <redacted>",
                "Cookie: <redacted>", "X-Api-Key: <redacted>", "X-Session: <redacted>");
        for (String path : List.of("", "/result", "/plan")) {
            String body = api.get("/api/tests/" + id + path).body();
            secrets.forEach(s -> assertThat(body).doesNotContain(s));
        }
    }
}
