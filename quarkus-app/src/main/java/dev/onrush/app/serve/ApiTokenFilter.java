package dev.onrush.app.serve;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Every request to the REST resources ({@code /api}, and any other path JAX-RS sees) needs
 * {@code Authorization: Bearer <onrush.serve.token>}; anything else is answered 401 before routing (so unknown paths
 * reveal nothing). The comparison is constant-time: both sides are hashed with
 * SHA-256 and compared with {@link MessageDigest#isEqual}, so neither the content nor the length of the token leaks
 * through timing. With no token configured every {@code /api} call is refused, unless the service runs
 * {@code --insecure-local-only} (bound to 127.0.0.1). {@code /q/*} (health, metrics, OpenAPI) is open.
 */
public class ApiTokenFilter {

    private final byte[] expectedDigest;
    private final boolean open;
    private final MeterRegistry metrics;

    @Inject
    public ApiTokenFilter(ServeConfig config, MeterRegistry metrics) {
        Optional<String> token = config.token().filter(t -> !t.isBlank());
        this.expectedDigest = token.map(ApiTokenFilter::digest).orElse(null);
        this.open = token.isEmpty() && config.insecureLocalOnly();
        this.metrics = metrics;
    }

    @ServerRequestFilter(preMatching = true)
    public Response authenticate(ContainerRequestContext request) {
        // every JAX-RS resource of the service is under /api (health, metrics and OpenAPI are Vert.x routes that
        // never reach this filter), so every request here needs the token: no spelling of the path (%61pi, //api,
        // /api;x, /API) can slip past a prefix test
        if (open) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (expectedDigest != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(expectedDigest, digest(header.substring(7).trim()))) {
            return null;
        }
        metrics.counter("onrush.api.unauthorized").increment();
        String message = expectedDigest == null
                ? "no API token is configured (onrush.serve.token); every /api call is refused"
                : "this call needs the header Authorization: Bearer <token>";
        Response error = ApiErrors.json(401, "unauthorized", message);
        return Response.fromResponse(error).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"onrush\"").build();
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
