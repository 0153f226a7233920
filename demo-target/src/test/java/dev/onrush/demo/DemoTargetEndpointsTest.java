package dev.onrush.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoTargetEndpointsTest {

    private static DemoTarget target;
    private static Http http;

    @BeforeAll
    static void start() {
        target = new DemoTarget(DemoTarget.Options.defaults());
        target.start();
        http = new Http(target.baseUrl());
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    @Test
    void baseUrlNamesTheLoopbackAddressAndBoundPort() {
        assertThat(target.port()).isPositive();
        assertThat(target.baseUrl()).isEqualTo("http://127.0.0.1:" + target.port());
    }

    @Test
    void healthAnswersUp() {
        HttpResponse<String> response = http.get("/api/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(response.body())).isEqualTo(new JsonObject().put("status", "UP"));
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    }

    @Test
    void usersAnswersAJsonArrayOfUsers() {
        HttpResponse<String> response = http.get("/api/users");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonArray users = new JsonArray(response.body());
        assertThat(users.size()).isGreaterThanOrEqualTo(3);
        assertThat(users.getJsonObject(0).fieldNames()).contains("id", "name", "email");
    }

    @Test
    void ordersAreCreatedWithIncrementingIdsAndEchoTheBody() {
        JsonObject first = new JsonObject(http.post("/api/orders", "{\"item\":\"book\",\"quantity\":2}").body());
        HttpResponse<String> second = http.post("/api/orders", "{\"item\":\"pen\"}");

        assertThat(second.statusCode()).isEqualTo(201);
        JsonObject created = new JsonObject(second.body());
        assertThat(created.getLong("id")).isEqualTo(first.getLong("id") + 1);
        assertThat(created.getString("item")).isEqualTo("pen");
        assertThat(first.getInteger("quantity")).isEqualTo(2);
    }

    @Test
    void ordersRejectBodiesThatAreNotJsonObjects() {
        for (String body : new String[] {"[1,2]", "not json", "", "42"}) {
            HttpResponse<String> response = http.post("/api/orders", body);

            assertThat(response.statusCode()).as("body %s", body).isEqualTo(400);
            assertThat(new JsonObject(response.body()).getString("error")).contains("JSON object");
        }
    }

    @Test
    void bytesAnswersExactlyTheRequestedSize() {
        for (int size : new int[] {0, 1, 65_536, 65_537, 1_000_000}) {
            HttpResponse<byte[]> response = http.getBytes("/api/bytes?size=" + size);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).hasSize(size);
        }
    }

    @Test
    void bytesRejectsMissingNegativeOrHugeSizes() {
        assertThat(http.get("/api/bytes").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/bytes?size=-1").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/bytes?size=x").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/bytes?size=" + (TargetVerticle.MAX_BYTES + 1)).statusCode()).isEqualTo(400);
    }

    @Test
    void unknownPathsAndMethodsAnswer404() {
        assertThat(http.get("/nope").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/orders").statusCode()).isEqualTo(404);
        assertThat(http.post("/api/users", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void countersCountRequestsAndResponsesButNotAdminCalls() {
        long received = target.requestsReceived();
        long ok = target.responses(200);

        http.get("/api/users");
        http.get("/api/health");
        http.get("/admin/stats");

        assertThat(target.requestsReceived()).isEqualTo(received + 2);
        assertThat(target.responses(200)).isEqualTo(ok + 2);
        assertThat(target.responsesByStatus()).containsKey(200);
    }

    @Test
    void adminStatsReportsTheCounters() {
        http.get("/api/users");

        JsonObject stats = new JsonObject(http.get("/admin/stats").body());

        assertThat(stats.getLong("requests_received")).isPositive();
        assertThat(stats.getJsonObject("responses_by_status").getLong("200")).isPositive();
        assertThat(stats.fieldNames()).contains("in_service", "queued", "max_queue_length");
    }
}
