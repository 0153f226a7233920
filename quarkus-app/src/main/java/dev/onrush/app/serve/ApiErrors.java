package dev.onrush.app.serve;

import dev.onrush.core.plan.PlanException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns refusals into JSON answers: {@link ApiException} as it says, a bad plan as 400 listing every problem. */
public class ApiErrors {

    @ServerExceptionMapper
    public Response refused(ApiException e) {
        return json(e.status(), e.error(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response badPlan(PlanException e) {
        Response r = json(400, "invalid_plan", e.getMessage());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) r.getEntity();
        body.put("problems", e.problems().stream().map(p -> Map.of("path", p.path(), "line", p.line(),
                "column", p.column(), "message", p.message())).toList());
        return r;
    }

    static Response json(int status, String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", error);
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
