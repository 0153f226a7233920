package dev.onrush.app.serve;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a request whose declared {@code Content-Length} is over {@code onrush.serve.max-plan-bytes} with the API's
 * JSON error (413), before its body is read: the HTTP layer's own limit ({@code quarkus.http.limits.max-body-size})
 * would answer an empty 413. The connection is closed after the answer (the unread body is not drained). A body
 * without a length is measured once read ({@link PlanPolicy}), within the HTTP layer's limit.
 */
@ApplicationScoped
public class BodyLimitRoute {

    void install(@Observes Router router, ServeConfig config) {
        int max = config.maxPlanBytes();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> limit(ctx, max));
    }

    private static void limit(RoutingContext ctx, int maxPlanBytes) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long bytes;
        try {
            bytes = length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            refuse(ctx, 400, "bad_request", "Content-Length " + length + " is not a number");
            return;
        }
        if (bytes > maxPlanBytes) {
            refuse(ctx, 413, "max_plan_bytes", "the body has " + bytes
                    + " bytes, more than the limit onrush.serve.max-plan-bytes=" + maxPlanBytes);
            return;
        }
        ctx.next();
    }

    private static void refuse(RoutingContext ctx, int status, String error, String message) {
        String body = new JsonObject().put("status", status).put("error", error).put("message", message).encode();
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }
}
