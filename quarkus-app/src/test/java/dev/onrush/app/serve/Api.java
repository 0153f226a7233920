package dev.onrush.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A small client of the service for tests: JSON in and out, the token on every call unless told otherwise. */
final class Api {

    static final String TOKEN = "test-token-5b1d";
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    Api(URI base) {
        this.base = base;
    }

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }
    }

    Reply send(String method, String path, String contentType, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs raw bytes (not necessarily text) as {@code contentType}. */
    Reply postBytes(String path, String contentType, byte[] body) {
        HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path) {
        return send("GET", path, null, null, TOKEN);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, null, TOKEN);
    }

    Reply postYaml(String path, String yaml) {
        return send("POST", path, "application/yaml", yaml, TOKEN);
    }

    Reply postJson(String path, String json) {
        return send("POST", path, "application/json", json, TOKEN);
    }

    /** One server-sent event. */
    record Event(String name, String data) {
    }

    /** Reads the event stream at {@code path} to its end (or {@code max} events). */
    List<Event> events(String path, int max) {
        HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TOKEN).header("Accept", "text/event-stream").GET().build();
        List<Event> out = new ArrayList<>();
        try {
            HttpResponse<Stream<String>> r = http.send(req, HttpResponse.BodyHandlers.ofLines());
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) r.body()::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        out.add(new Event(name, data.toString()));
                        if (out.size() >= max) {
                            break;
                        }
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
                }
            }
            r.body().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Polls {@code GET path} until {@code done} holds for its JSON, or fails after {@code timeout}. */
    JsonNode await(String path, Predicate<JsonNode> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Reply r = get(path);
            if (r.status() == 200) {
                last = r.json();
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting on " + path + "; last: " + last);
    }
}
