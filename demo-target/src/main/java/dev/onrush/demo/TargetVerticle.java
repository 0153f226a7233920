package dev.onrush.demo;

import dev.onrush.demo.DemoTarget.Options;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One HTTP server instance of a {@link DemoTarget}, on one event loop: routing, the endpoints, and the
 * draws of service time and errors; the first instance also runs the {@link CapacityScaler}'s timer. Thread:
 * every method runs on this verticle's event loop; the random generator and the scaler are confined to it.
 */
final class TargetVerticle extends AbstractVerticle {

    /** The largest body {@code /api/bytes} serves. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private static final String JSON = "application/json";
    private static final String ITEMS = "/api/items/";
    private static final Buffer HEALTH = Buffer.buffer("{\"status\":\"UP\"}");
    private static final Buffer USERS = Buffer.buffer(new JsonArray()
            .add(new JsonObject().put("id", 1).put("name", "Ada Lovelace").put("email", "ada@example.com"))
            .add(new JsonObject().put("id", 2).put("name", "Alan Turing").put("email", "alan@example.com"))
            .add(new JsonObject().put("id", 3).put("name", "Grace Hopper").put("email", "grace@example.com"))
            .encode());
    private static final Buffer INJECTED_ERROR = error("injected error");
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final Buffer CHUNK = filledChunk();

    private final TargetState state;
    private final String host;
    private final int listenPort;
    private final SplittableRandom random;
    private final CapacityScaler scaler;
    private HttpServer server;

    /** @param scaler the target's scaler, run on this verticle's event loop; null on all instances but one */
    TargetVerticle(TargetState state, String host, int listenPort, long seed, CapacityScaler scaler) {
        this.state = state;
        this.host = host;
        this.listenPort = listenPort;
        this.random = new SplittableRandom(seed);
        this.scaler = scaler;
    }

    @Override
    public void start(Promise<Void> started) {
        if (scaler != null) {
            // a timer set in start() belongs to this deployment: undeploying cancels it
            vertx.setPeriodic(CapacityScaler.TICK_MS, id -> scaler.tick(System.nanoTime()));
        }
        server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(listenPort))
                .requestHandler(this::handle);
        server.listen().<Void>mapEmpty().onComplete(started);
    }

    /** @return the port the server listens on; valid once started */
    int actualPort() {
        return server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.startsWith("/admin/")) {
            AdminEndpoints.handle(request, state);
            return;
        }
        state.counters().recordReceived();
        HttpMethod method = request.method();
        if (HttpMethod.GET.equals(method) && path.equals("/api/health")) {
            reply(request, 200, JSON, HEALTH);
        } else if (HttpMethod.GET.equals(method) && path.equals("/api/users")) {
            serve(request, () -> reply(request, 200, JSON, USERS));
        } else if (HttpMethod.POST.equals(method) && path.equals("/api/orders")) {
            request.body().onSuccess(body -> serve(request, () -> createOrder(request, body)));
        } else if (HttpMethod.GET.equals(method) && path.equals("/api/bytes")) {
            serve(request, () -> sendBytes(request));
        } else if (path.startsWith(ITEMS) && path.length() > ITEMS.length()
                && (HttpMethod.GET.equals(method) || HttpMethod.PUT.equals(method) || HttpMethod.POST.equals(method))) {
            item(request, path.substring(ITEMS.length()));
        } else {
            reply(request, 404, JSON, error("no route for " + method + " " + path));
        }
    }

    /** Draws service time and failure for a request, then hands it to capacity, timer and stalls. */
    private void serve(HttpServerRequest request, Runnable respond) {
        Options options = state.options();
        long serviceNs = saturatedAdd(saturatedAdd(options.baseLatency().toNanos(),
                options.latency().sampleNanos(random)), state.leakNs(System.nanoTime()));
        boolean fail = options.errorRate() > 0 && random.nextDouble() < options.errorRate();
        Runnable response = fail ? () -> reply(request, 500, JSON, INJECTED_ERROR) : respond;
        new ServiceJob(context, state, serviceNs, response).submit();
    }

    /**
     * {@code /api/items/{key}}: counts the key; reads and counts the body of a PUT or POST without keeping it;
     * answers {@code {"key": …, "bytes": N}} (200).
     */
    private void item(HttpServerRequest request, String key) {
        state.items().recordKey(key);
        long[] bytes = new long[1];
        request.handler(chunk -> bytes[0] += chunk.length());
        request.endHandler(v -> {
            if (!HttpMethod.GET.equals(request.method())) {
                state.items().recordBody(bytes[0]);
            }
            serve(request, () -> reply(request, 200, JSON,
                    new JsonObject().put("key", key).put("bytes", bytes[0]).toBuffer()));
        });
    }

    private void createOrder(HttpServerRequest request, Buffer body) {
        Object parsed;
        try {
            parsed = body.length() == 0 ? null : Json.decodeValue(body);
        } catch (DecodeException e) {
            parsed = null;
        }
        if (!(parsed instanceof JsonObject)) {
            reply(request, 400, JSON, error("the body must be a JSON object"));
            return;
        }
        JsonObject created = new JsonObject().put("id", state.nextOrderId());
        ((JsonObject) parsed).forEach(field -> {
            if (!field.getKey().equals("id")) {
                created.put(field.getKey(), field.getValue());
            }
        });
        reply(request, 201, JSON, created.put("status", "CREATED").toBuffer());
    }

    private void sendBytes(HttpServerRequest request) {
        int size;
        try {
            size = Integer.parseInt(String.valueOf(request.getParam("size")));
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 0 || size > MAX_BYTES) {
            reply(request, 400, JSON, error("size must be an integer within [0, " + MAX_BYTES + "]"));
            return;
        }
        HttpServerResponse response = request.response();
        if (response.closed() || response.ended()) {
            return;
        }
        state.counters().recordResponse(200);
        response.setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/octet-stream")
                .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(size));
        for (int remaining = size; remaining > CHUNK_BYTES; remaining -= CHUNK_BYTES) {
            response.write(CHUNK);
        }
        int last = size % CHUNK_BYTES == 0 && size > 0 ? CHUNK_BYTES : size % CHUNK_BYTES;
        response.end(CHUNK.slice(0, last));
    }

    /** Writes and counts a response, unless the client has gone. */
    private void reply(HttpServerRequest request, int status, String contentType, Buffer body) {
        HttpServerResponse response = request.response();
        if (response.closed() || response.ended()) {
            return;
        }
        state.counters().recordResponse(status);
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, contentType).end(body);
    }

    static Buffer error(String message) {
        return new JsonObject().put("error", message).toBuffer();
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private static Buffer filledChunk() {
        byte[] bytes = new byte[CHUNK_BYTES];
        Arrays.fill(bytes, (byte) 'x');
        return Buffer.buffer(bytes);
    }
}
