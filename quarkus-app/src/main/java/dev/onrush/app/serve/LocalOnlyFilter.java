package dev.onrush.app.serve;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Under {@code --insecure-local-only}, answers a request that a web page could have made (another site's
 * {@code Origin}, a {@code Host} that is not loopback with the service's port, a CORS-free content type on a
 * state-changing call) with the refusal {@link LocalOnlyGuard} names, before routing and before the token check.
 * Does nothing when the service runs with a token and its usual binding: a page cannot send the bearer token.
 */
public class LocalOnlyFilter {

    private final boolean active;
    private final MeterRegistry metrics;

    @Inject
    public LocalOnlyFilter(ServeConfig config, MeterRegistry metrics) {
        this.active = config.insecureLocalOnly();
        this.metrics = metrics;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public Response guard(ContainerRequestContext request, HttpServerRequest http) {
        if (!active) {
            return null;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean hasBody = request.getHeaderString("Transfer-Encoding") != null
                || length != null && !length.trim().equals("0");
        // the authority: Host in HTTP/1.1, :authority in HTTP/2 (also reached by h2c upgrade)
        HostAndPort authority = http.authority();
        return LocalOnlyGuard.refusal(request.getMethod(), authority == null ? null : authority.toString(),
                        request.getHeaderString("Origin"), request.getHeaderString(HttpHeaders.CONTENT_TYPE), hasBody,
                        http.localAddress().port())
                .map(e -> {
                    metrics.counter("onrush.api.refused", "reason", e.error()).increment();
                    return ApiErrors.json(e.status(), e.error(), e.getMessage());
                }).orElse(null);
    }
}
