package dev.onrush.sink.dynamodb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server in front of dynalite that answers the first {@code faults} BatchWriteItem requests itself, the
 * way DynamoDB does under load, and forwards everything else: throttling (400
 * {@code ProvisionedThroughputExceededException}), a 500, or a 200 that hands every item back as
 * {@code UnprocessedItems}.
 */
final class FaultyProxy implements AutoCloseable {

    enum Fault { THROTTLE, SERVER_ERROR, UNPROCESSED }

    private static final List<String> HOP_HEADERS = List.of("host", "content-length", "connection", "expect");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI target;
    private final Fault fault;
    private final AtomicInteger faultsLeft;
    final AtomicInteger batchWrites = new AtomicInteger();

    FaultyProxy(URI target, Fault fault, int faults) throws IOException {
        this.target = target;
        this.fault = fault;
        this.faultsLeft = new AtomicInteger(faults);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String operation = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
        if (operation.endsWith(".BatchWriteItem") && batchWrites.incrementAndGet() > 0
                && faultsLeft.getAndDecrement() > 0) {
            switch (fault) {
                case THROTTLE -> answer(exchange, 400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
                        + "ProvisionedThroughputExceededException\",\"message\":\"The level of configured provisioned "
                        + "throughput for the table was exceeded.\"}");
                case SERVER_ERROR -> answer(exchange, 500, "{\"__type\":\"com.amazon.coral.availability#"
                        + "InternalServerError\",\"message\":\"Internal server error\"}");
                case UNPROCESSED -> answer(exchange, 200, new String(body, StandardCharsets.UTF_8)
                        .replaceFirst("^\\{\"RequestItems\":", "{\"UnprocessedItems\":"));
            }
            return;
        }
        forward(exchange, body);
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().firstValue("content-type")
                    .ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
            response.headers().firstValue("x-amzn-requestid")
                    .ifPresent(v -> exchange.getResponseHeaders().add("x-amzn-RequestId", v));
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            exchange.getResponseBody().write(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        } finally {
            exchange.close();
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
