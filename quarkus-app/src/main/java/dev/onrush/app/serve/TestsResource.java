package dev.onrush.app.serve;

import dev.onrush.core.Onrush;
import dev.onrush.core.sink.ResultJson;
import dev.onrush.spi.RunResult;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /api/tests}: submit a plan, follow it (status, live stream), abort it, fetch its result and report. */
@Path("/api/tests")
@Tag(name = "tests")
@Produces(MediaType.APPLICATION_JSON)
public class TestsResource {

    static final String YAML = "application/yaml";

    @Inject
    RunService runs;

    @POST
    @Consumes({YAML, "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "Run a plan (YAML or JSON)", description = "201 with the run's id and location; 400 for "
            + "an invalid plan, 403 for a target outside the allow-list, 413/422/429 for a limit.")
    public Response submit(byte[] body) {
        ServedRun run = runs.submit(utf8(body, "request body"), "request body", "api");
        URI location = URI.create("/api/tests/" + run.id());
        return Response.created(location).entity(run.summary(false, TestsResource::links)).build();
    }

    @GET
    @Operation(summary = "Every run: this process's first (newest first), then those found in the results folder")
    public List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        runs.liveRuns().forEach(r -> out.add(r.summary(false, TestsResource::links)));
        for (String id : runs.storedRunIds()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("status", "STORED");
            links(m);
            out.add(m);
        }
        return out;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A run's status, live summary and verdict")
    public Map<String, Object> get(@PathParam("id") String id) {
        Optional<ServedRun> live = runs.live(id);
        if (live.isPresent()) {
            return live.get().summary(true, TestsResource::links);
        }
        java.nio.file.Path dir = runs.folder(id).orElseThrow(() -> ApiException.notFound("test", id));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("status", "STORED");
        java.nio.file.Path result = dir.resolve(RunService.resultFile());
        if (Files.isRegularFile(result)) {
            try {
                RunResult r = ResultJson.readResult(Files.readString(result));
                m.put("name", r.name());
                m.put("status", r.verdict().name());
                m.put("target_url", r.targetUrl());
                m.put("verdict", r.verdict().name());
                m.put("verdict_reason", r.verdictReason());
            } catch (IOException e) {
                m.put("error", "cannot read " + result.getFileName() + ": " + e.getMessage());
            }
        }
        links(m);
        return m;
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Abort a run: the results so far are kept with verdict ABORTED")
    public Response abort(@PathParam("id") String id) {
        ServedRun run = runs.live(id).orElseThrow(() -> ApiException.notFound("running test", id));
        if (run.isDone()) {
            throw new ApiException(409, "finished", "test " + id + " has ended already (" + run.status() + ")");
        }
        run.abort("aborted through the API");
        return Response.accepted(run.summary(false, TestsResource::links)).build();
    }

    @GET
    @Path("{id}/result")
    @Operation(summary = "The run's result.json (404 until the run has ended)")
    public Response result(@PathParam("id") String id) {
        return file(id, RunService.resultFile(), MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("{id}/report")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The run's report.html (404 until the run has ended)")
    public Response report(@PathParam("id") String id) {
        return file(id, RunService.reportFile(), MediaType.TEXT_HTML);
    }

    @GET
    @Path("{id}/plan")
    @Produces(YAML)
    @Operation(summary = "The plan as run, secret header values redacted")
    public Response plan(@PathParam("id") String id) {
        return file(id, Onrush.PLAN_FILE, YAML);
    }

    @GET
    @Path("{id}/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-Sent Events: an 'interval' event per second (the kept ones first), then one "
            + "'result' event, then the stream ends")
    public void live(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
        ServedRun run = runs.live(id).orElse(null);
        if (run == null) {
            Optional<java.nio.file.Path> dir = runs.folder(id);
            if (dir.isEmpty()) {
                throw ApiException.notFound("test", id);
            }
            if (!Files.isRegularFile(dir.get().resolve(RunService.resultFile()))) {
                throw new ApiException(404, "not_ready", "test " + id + " has no live stream and no "
                        + RunService.resultFile() + " (it did not finish)");
            }
            try {
                sink.send(event(sse, "result", Files.readString(dir.get().resolve(RunService.resultFile()))))
                        .whenComplete((v, e) -> sink.close());
            } catch (IOException e) {
                sink.close();
            }
            return;
        }
        run.subscribe(new ServedRun.Listener() {
            @Override
            public void interval(String json) {
                if (sink.isClosed()) {
                    run.unsubscribe(this);
                } else {
                    sink.send(event(sse, "interval", json));
                }
            }

            @Override
            public void result(String json) {
                if (!sink.isClosed()) {
                    sink.send(event(sse, "result", json == null ? "{\"status\":\"ERROR\"}" : json))
                            .whenComplete((v, e) -> sink.close());
                }
            }
        });
    }

    /**
     * {@code body} as UTF-8 text, refused as the CLI refuses a plan file that is not (a lenient decoding would
     * turn its bytes into replacement characters and run something other than what was sent).
     *
     * @throws ApiException 400 naming the first byte that is not UTF-8
     */
    static String utf8(byte[] body, String source) {
        if (body == null) {
            return "";
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(400, "invalid_plan", source + ": the plan is not UTF-8 text (byte "
                    + in.position() + ")");
        }
    }

    private static OutboundSseEvent event(Sse sse, String name, String json) {
        // the data is JSON text already: written as is (text/plain), not serialized again
        return sse.newEventBuilder().name(name).data(json).build();
    }

    private Response file(String id, String name, String type) {
        java.nio.file.Path dir = runs.folder(id).orElseThrow(() -> ApiException.notFound("test", id));
        java.nio.file.Path f = dir.resolve(name);
        if (!Files.isRegularFile(f)) {
            throw new ApiException(404, "not_ready", "test " + id + " has no " + name + " yet");
        }
        try {
            return Response.ok(Files.readString(f), type).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void links(Map<String, Object> m) {
        String base = "/api/tests/" + m.get("id");
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", base);
        links.put("live", base + "/live");
        links.put("result", base + "/result");
        links.put("report", base + "/report");
        links.put("plan", base + "/plan");
        m.put("links", links);
    }
}
