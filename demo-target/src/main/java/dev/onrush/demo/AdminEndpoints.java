package dev.onrush.demo;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The uncounted {@code /admin} endpoints: {@code GET /admin/stats}, {@code GET /admin/capacity},
 * {@code GET /admin/config} and {@code POST /admin/config}. Thread: called on the request's event loop.
 */
final class AdminEndpoints {

    private AdminEndpoints() {
    }

    static void handle(HttpServerRequest request, TargetState state) {
        HttpMethod method = request.method();
        String path = request.path();
        if (HttpMethod.GET.equals(method) && path.equals("/admin/stats")) {
            reply(request, 200, stats(state).toBuffer());
        } else if (HttpMethod.GET.equals(method) && path.equals("/admin/capacity")) {
            reply(request, 200, capacity(state).toBuffer());
        } else if (HttpMethod.GET.equals(method) && path.equals("/admin/config")) {
            reply(request, 200, OptionsJson.toJson(state.options()).toBuffer());
        } else if (HttpMethod.POST.equals(method) && path.equals("/admin/config")) {
            request.body().onSuccess(body -> configure(request, state, body));
        } else {
            reply(request, 404, TargetVerticle.error("no route for " + method + " " + path));
        }
    }

    private static void configure(HttpServerRequest request, TargetState state, Buffer body) {
        try {
            JsonObject patch = new JsonObject(body);
            state.reconfigure(OptionsJson.apply(state.options(), patch));
            reply(request, 200, OptionsJson.toJson(state.options()).toBuffer());
        } catch (DecodeException | ClassCastException e) {
            reply(request, 400, TargetVerticle.error("the body must be a JSON object"));
        } catch (IllegalArgumentException e) {
            reply(request, 400, TargetVerticle.error(e.getMessage()));
        }
    }

    private static JsonObject stats(TargetState state) {
        JsonObject byStatus = new JsonObject();
        state.counters().responsesByStatus().forEach((status, count) -> byStatus.put(status.toString(), count));
        return new JsonObject()
                .put("requests_received", state.counters().received())
                .put("responses", state.counters().responses())
                .put("responses_by_status", byStatus)
                .put("in_service", state.queue().inService())
                .put("queued", state.queue().queued())
                .put("max_queue_length", state.queue().maxQueued())
                .put("distinct_item_keys", state.items().distinctKeys())
                .put("item_body_bytes", state.items().bodyBytes())
                .put("capacity", state.queue().capacity())
                .put("scale_events", state.scaleEvents().size());
    }

    /** {@code {capacity, initial_capacity, max_capacity, in_service, queued, scale_events: [{at, from, to}]}}. */
    static JsonObject capacity(TargetState state) {
        DemoTarget.Options options = state.options();
        JsonArray events = new JsonArray();
        state.scaleEvents().forEach(e -> events.add(new JsonObject()
                .put("at", e.at().toString()).put("from", e.from()).put("to", e.to())));
        return new JsonObject()
                .put("capacity", state.queue().capacity())
                .put("initial_capacity", options.capacity())
                .put("max_capacity", options.scales() ? options.maxCapacity() : options.capacity())
                .put("in_service", state.queue().inService())
                .put("queued", state.queue().queued())
                .put("scale_events", events);
    }

    private static void reply(HttpServerRequest request, int status, Buffer body) {
        if (!request.response().closed() && !request.response().ended()) {
            request.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(body);
        }
    }
}
