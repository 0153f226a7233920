package dev.onrush.app.serve;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** {@code /api/schedules}: plans run on a cron expression in a time zone. */
@Path("/api/schedules")
@Tag(name = "schedules")
@Produces(MediaType.APPLICATION_JSON)
public class SchedulesResource {

    /**
     * A new schedule.
     *
     * @param plan     the plan: YAML or JSON text, or a JSON object
     * @param cron     Quartz cron with seconds, e.g. {@code 0 0 3 * * ?}
     * @param timeZone e.g. {@code Europe/Berlin}; default UTC
     */
    public record NewSchedule(JsonNode plan, String cron,
                              @JsonProperty("time_zone") @JsonAlias("timeZone") String timeZone) {
    }

    @Inject
    ScheduleService schedules;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run a plan on a cron schedule", description = "Body: {\"plan\": \"<YAML or JSON text>\" or "
            + "{...}, \"cron\": \"0 0 3 * * ?\", \"time_zone\": \"Europe/Berlin\"}. The plan is checked now "
            + "(allow-list, limits) and again at every run.")
    public Response create(NewSchedule body) {
        if (body == null || body.plan() == null || body.plan().isNull()) {
            throw new ApiException(400, "invalid_schedule", "plan: missing");
        }
        String plan = body.plan().isTextual() ? body.plan().asText() : body.plan().toString();
        Schedule s = schedules.create(plan, body.cron(), body.timeZone());
        return Response.created(URI.create("/api/schedules/" + s.id()))
                .entity(schedules.get(s.id()).orElseThrow()).build();
    }

    @GET
    @Operation(summary = "Every schedule, with its next and last run")
    public List<Map<String, Object>> list() {
        return schedules.list();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A schedule, with its plan (secret header values redacted)")
    public Map<String, Object> get(@PathParam("id") String id) {
        return schedules.get(id).orElseThrow(() -> ApiException.notFound("schedule", id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a schedule (its runs are kept)")
    public Response delete(@PathParam("id") String id) {
        if (!schedules.delete(id)) {
            throw ApiException.notFound("schedule", id);
        }
        return Response.noContent().build();
    }
}
