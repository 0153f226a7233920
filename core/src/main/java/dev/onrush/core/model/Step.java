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
     * <p>The path, header values and body may hold template variables ({@link TextTemplate}: {@code ${counter}},
     * {@code ${random:MIN:MAX}}, {@code ${uuid}}, {@code ${size}}, {@code ${response_size}}), drawn anew for each
     * request. A request without variables and sizes is encoded once and costs nothing per request.
     *
     * @param name         the name its measurements are recorded under (unique per distinct request; defaults to
     *                     {@code "METHOD path"} in the plan format)
     * @param method       an HTTP method from {@link #METHODS}, upper case
     * @param path         path and query, starting with {@code /}, relative to the target's base URL
     * @param headers      extra request headers, in order (unmodifiable)
     * @param body         request body as text (UTF-8), or {@code null} for none
     * @param contentType  the body's content type, or {@code null}
     * @param bodySize     a body of this many filler bytes per request, or {@code null}; excludes {@code body}
     * @param responseSize the distribution of {@code ${response_size}}, or {@code null} (then that variable is not
     *                     allowed)
     * @throws IllegalArgumentException naming the bad part (method, path, a template variable, body and body size
     *                                  both given, ...); {@code ${size}} without a body size and
     *                                  {@code ${response_size}} without a response size are rejected by
     *                                  {@link Scenario}
     */
    record Request(String name, String method, String path, Map<String, String> headers, String body,
                   String contentType, PayloadSize bodySize, PayloadSize responseSize) implements Step {
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
            if (body != null && bodySize != null) {
                throw new IllegalArgumentException("body_size: give either a body or a body size, not both");
            }
            checkTemplate("path", path);
            for (Map.Entry<String, String> h : headers.entrySet()) {
                checkTemplate("headers." + h.getKey(), h.getValue());
            }
            checkTemplate("body", body);
        }

        /** A request without sizes (the form before payload sizes existed). */
        public Request(String name, String method, String path, Map<String, String> headers, String body,
                       String contentType) {
            this(name, method, path, headers, body, contentType, null, null);
        }

        /** A request without headers or body, named {@code "METHOD path"}. */
        public static Request of(String method, String path) {
            String m = method.toUpperCase(Locale.ROOT);
            return new Request(m + " " + path, m, path, Map.of(), null, null);
        }

        /** This request with a JSON body (already serialized). */
        public Request withJsonBody(String json) {
            return new Request(name, method, path, headers, json, "application/json", bodySize, responseSize);
        }

        /** This request with one more header. */
        public Request withHeader(String headerName, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(headerName, value);
            return new Request(name, method, path, copy, body, contentType, bodySize, responseSize);
        }

        /** This request recorded under another name. */
        public Request named(String newName) {
            return new Request(newName, method, path, headers, body, contentType, bodySize, responseSize);
        }

        /** This request with a body of {@code size} filler bytes per request (and no text body). */
        public Request withBodySize(PayloadSize size) {
            return new Request(name, method, path, headers, null, contentType, size, responseSize);
        }

        /** This request drawing {@code ${response_size}} from {@code size}. */
        public Request withResponseSize(PayloadSize size) {
            return new Request(name, method, path, headers, body, contentType, bodySize, size);
        }

        /**
         * Whether anything changes from request to request (variables, escapes or a body size): such a request is
         * encoded per request, the others once.
         */
        public boolean isTemplated() {
            return bodySize != null || TextTemplate.hasVariables(path) || TextTemplate.hasVariables(body)
                    || headers.values().stream().anyMatch(TextTemplate::hasVariables);
        }

        /**
         * Checks that {@code ${size}} and {@code ${response_size}} have their distributions (done when the request
         * joins a {@link Scenario}, so that a builder chain may add the distribution after the path).
         *
         * @throws IllegalArgumentException naming the part that uses the variable
         */
        void requireSizeVariablesBacked() {
            requireBacked("path", path);
            headers.forEach((k, v) -> requireBacked("headers." + k, v));
            requireBacked("body", body);
        }

        private void requireBacked(String part, String text) {
            if (!TextTemplate.hasVariables(text)) {
                return;
            }
            TextTemplate t = TextTemplate.parse(text);
            if (t.uses(TextTemplate.Kind.SIZE) && bodySize == null) {
                throw new IllegalArgumentException(part + ": ${size} is the drawn body size; give body_size");
            }
            if (t.uses(TextTemplate.Kind.RESPONSE_SIZE) && responseSize == null) {
                throw new IllegalArgumentException(part + ": ${response_size} needs response_size (its distribution)");
            }
        }

        private static void checkTemplate(String part, String text) {
            if (TextTemplate.hasVariables(text)) {
                try {
                    TextTemplate.parse(text);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(part + ": " + e.getMessage(), e);
                }
            }
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
