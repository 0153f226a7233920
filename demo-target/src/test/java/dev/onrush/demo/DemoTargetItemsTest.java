package dev.onrush.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class DemoTargetItemsTest {

    @Test
    void itemsCountDistinctKeysAndBodySizes() {
        try (DemoTarget target = new DemoTarget(DemoTarget.Options.defaults())) {
            target.start();
            Http http = new Http(target.baseUrl());

            HttpResponse<String> put = http.post("/api/items/a", "x".repeat(70_000));
            http.post("/api/items/b", "");
            http.get("/api/items/a");
            http.get("/api/items/c?q=1");

            assertThat(put.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(put.body())).isEqualTo(new JsonObject().put("key", "a").put("bytes", 70_000));
            assertThat(target.distinctItemKeys()).isEqualTo(3);
            assertThat(target.itemBodySizes()).containsExactly(70_000L, 0L);
            assertThat(target.itemBodyBytes()).isEqualTo(70_000);
            JsonObject stats = new JsonObject(http.get("/admin/stats").body());
            assertThat(stats.getLong("distinct_item_keys")).isEqualTo(3);
            assertThat(stats.getLong("item_body_bytes")).isEqualTo(70_000);
        }
    }
}
