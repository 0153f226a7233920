package dev.onrush.core.model;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** One step of a scenario: send a request, or think (pause). */
public sealed interface Step permits Step.Request, Step.Think {

    /** The HTTP methods a request may use. */
    Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    /**
     * Send one HTTP request and wait for its whole response.
     *
     * @param name        the name its measurements are recorded under (unique per distinct request; defaults to
     *                    {@code "METHOD path"} in the plan format)
     * @param method      an HTTP method from {@link #METHODS}, upper case
     * @param path        path and query, starting with {@code /}, relative to the target's base URL
     * @param headers     extra request headers, in order (unmodifiable)
     * @param body        request body as text (UTF-8), or {@code null} for none
     * @param contentType the body's content type, or {@code null}
     */
    record Request(String name, String method, String path, Map<String, String> headers, String body,
                   String contentType) implements Step {
        public Request {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            method = method.toUpperCase(Locale.ROOT);
            if (!METHODS.contains(method)) {
                throw new IllegalArgumentException("method: \"" + method + "\" is not an HTTP method " + METHODS);
            }
            if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
                throw new IllegalArgumentException("path: \"" + path
                        + "\" must start with / and contain no spaces or control characters");
            }
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        /** A request without headers or body, named {@code "METHOD path"}. */
        public static Request of(String method, String path) {
            String m = method.toUpperCase(Locale.ROOT);
            return new Request(m + " " + path, m, path, Map.of(), null, null);
        }

        /** This request with a JSON body (already serialized). */
        public Request withJsonBody(String json) {
            return new Request(name, method, path, headers, json, "application/json");
        }

        /** This request with one more header. */
        public Request withHeader(String headerName, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(headerName, value);
            return new Request(name, method, path, copy, body, contentType);
        }

        /** This request recorded under another name. */
        public Request named(String newName) {
            return new Request(newName, method, path, headers, body, contentType);
        }
    }

    /**
     * Pause before the next step, like a user reading a page. The next request's intended start is the end of
     * the think time: latency still counts from there if the generator or the connection pool is late.
     *
     * @param duration how long, {@code >= 0}
     */
    record Think(Duration duration) implements Step {
        public Think {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("think time must be >= 0, got " + duration);
            }
        }
    }
}
