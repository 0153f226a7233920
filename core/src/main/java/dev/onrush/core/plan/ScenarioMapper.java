package dev.onrush.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onrush.core.model.PayloadSize;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.core.model.TextTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Maps the plan's {@code scenarios:} list; problems go to the {@link NodeReader}. */
final class ScenarioMapper {

    static final List<String> SCENARIO_KEYS = List.of("name", "weight", "request", "think_time", "steps");
    static final List<String> STEP_KEYS = List.of("request", "think");
    static final List<String> REQUEST_KEYS =
            List.of("name", "method", "path", "headers", "json", "body", "content_type", "body_size", "response_size");
    /** {@link Step#METHODS} in the order people know them, for messages. */
    static final List<String> METHOD_ORDER =
            List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");
    static final String JSON = "application/json";

    private final NodeReader reader;
    private final ObjectMapper json;

    ScenarioMapper(NodeReader reader, ObjectMapper json) {
        this.reader = reader;
        this.json = json;
    }

    /** The scenarios, or {@code null} if any is bad. */
    List<Scenario> scenarios(Node node, String path) {
        List<Node> items = reader.list(node, path);
        if (items == null) {
            return null;
        }
        if (items.isEmpty()) {
            reader.problem(path, node, "at least one scenario is needed");
            return null;
        }
        List<Scenario> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean ok = true;
        long weights = 0;
        for (int i = 0; i < items.size(); i++) {
            String p = NodeReader.index(path, i);
            Scenario s = scenario(items.get(i), p);
            if (s == null) {
                ok = false;
                continue;
            }
            if (!names.add(s.name())) {
                reader.problem(p + ".name", items.get(i), "duplicate scenario name \"" + s.name() + "\"");
                ok = false;
            }
            weights += s.weight();
            out.add(s);
        }
        if (ok && weights == 0) {
            reader.problem(path, node, "scenario weights sum to 0: at least one weight must be > 0");
            return null;
        }
        return ok ? out : null;
    }

    private Scenario scenario(Node node, String path) {
        MapNode m = reader.map(node, path, SCENARIO_KEYS);
        if (m == null) {
            return null;
        }
        String name = m.requiredString("name");
        Integer weight = m.intAtLeast("weight", 0, 1);
        List<Step> steps = new ArrayList<>();
        boolean ok = true;
        if (m.has("request") == m.has("steps")) {
            reader.problem(path, node, m.has("request") ? "give either request (with think_time) or steps, not both"
                    : "give request (with optional think_time) or steps");
            ok = false;
        } else if (m.has("request")) {
            Step.Request r = request(m.get("request"), m.path("request"));
            Duration think = m.duration("think_time", false, Duration.ZERO);
            ok = r != null && think != null;
            if (ok) {
                steps.add(r);
                if (!think.isZero()) {
                    steps.add(new Step.Think(think));
                }
            }
        } else {
            if (m.has("think_time")) {
                reader.problem(m.path("think_time"), m.get("think_time"),
                        "think_time goes with request; in steps write a step \"- think: 2s\"");
                ok = false;
            }
            ok &= steps(m.get("steps"), m.path("steps"), steps);
        }
        if (!ok || name == null || weight == null) {
            return null;
        }
        try {
            return new Scenario(name, weight, steps);
        } catch (IllegalArgumentException e) {
            reader.problem(path, node, e.getMessage());
            return null;
        }
    }

    private boolean steps(Node node, String path, List<Step> out) {
        List<Node> items = reader.list(node, path);
        if (items == null) {
            return false;
        }
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            String p = NodeReader.index(path, i);
            MapNode m = reader.map(items.get(i), p, STEP_KEYS);
            if (m == null) {
                ok = false;
            } else if (m.entries().size() != 1) {
                reader.problem(p, items.get(i), "a step is exactly one of request or think");
                ok = false;
            } else if (m.has("request")) {
                Step.Request r = request(m.get("request"), m.path("request"));
                ok &= r != null && out.add(r);
            } else {
                Duration d = m.duration("think", false, null);
                ok &= d != null && out.add(new Step.Think(d));
            }
        }
        if (ok && out.stream().noneMatch(Step.Request.class::isInstance)) {
            reader.problem(path, node, "at least one request step is needed");
            return false;
        }
        return ok;
    }

    /**
     * Checks the template {@code text} (null when absent) found at {@code path}: its variables, and that
     * {@code ${size}} and {@code ${response_size}} have their distributions.
     */
    private boolean template(String path, Node node, String text, boolean hasBodySize, boolean hasResponseSize) {
        if (!TextTemplate.hasVariables(text)) {
            return true;
        }
        try {
            TextTemplate t = TextTemplate.parse(text);
            if (t.uses(TextTemplate.Kind.SIZE) && !hasBodySize) {
                reader.problem(path, node, "${size} is the drawn body size: give body_size");
                return false;
            }
            if (t.uses(TextTemplate.Kind.RESPONSE_SIZE) && !hasResponseSize) {
                reader.problem(path, node,
                        "${response_size} needs response_size (e.g. {distribution: uniform, min: 1KiB, max: 1MiB})");
                return false;
            }
            return true;
        } catch (IllegalArgumentException e) {
            reader.problem(path, node, e.getMessage());
            return false;
        }
    }

    private Step.Request request(Node node, String path) {
        MapNode m = reader.map(node, path, REQUEST_KEYS);
        if (m == null) {
            return null;
        }
        boolean ok = true;
        String method = m.has("method") ? m.string("method") : "GET";
        if (method != null && !Step.METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            reader.problem(m.path("method"), m.get("method"),
                    "\"" + method + "\" is not an HTTP method (" + String.join(", ", METHOD_ORDER) + ")");
            ok = false;
        }
        String target = m.requiredString("path");
        if (target != null && (!target.startsWith("/") || target.chars().anyMatch(c -> c <= ' ' || c == 0x7f))) {
            reader.problem(m.path("path"), m.get("path"),
                    "\"" + target + "\" must start with / and contain no spaces or control characters");
            ok = false;
        }
        Map<String, String> headers = m.stringMap("headers");
        String body = m.string("body");
        String contentType = m.string("content_type");
        if (m.has("json")) {
            if (m.has("body")) {
                reader.problem(m.path("json"), m.get("json"), "give either json or body, not both");
                ok = false;
            }
            try {
                body = json.writeValueAsString(reader.plain(m.get("json")));
                contentType = contentType == null ? JSON : contentType;
            } catch (JsonProcessingException e) {
                reader.problem(m.path("json"), m.get("json"), "cannot be written as JSON: " + e.getOriginalMessage());
                ok = false;
            }
        }
        PayloadSizeMapper sizes = new PayloadSizeMapper(reader);
        PayloadSize bodySize = m.has("body_size") ? sizes.size(m.get("body_size"), m.path("body_size")) : null;
        PayloadSize responseSize = m.has("response_size")
                ? sizes.size(m.get("response_size"), m.path("response_size")) : null;
        ok &= (bodySize != null) == m.has("body_size") && (responseSize != null) == m.has("response_size");
        if (m.has("body_size") && (m.has("body") || m.has("json"))) {
            reader.problem(m.path("body_size"), m.get("body_size"),
                    "give either body_size (filler bytes) or " + (m.has("json") ? "json" : "body") + ", not both");
            ok = false;
        }
        boolean hasBodySize = m.has("body_size");
        boolean hasResponseSize = m.has("response_size");
        ok &= template(m.path("path"), m.get("path"), target, hasBodySize, hasResponseSize);
        String bodyKey = m.has("json") ? "json" : "body";
        ok &= template(m.path(bodyKey), m.get(bodyKey), body, hasBodySize, hasResponseSize);
        if (m.get("headers") instanceof MappingNode h) {
            for (NodeTuple t : h.getValue()) {
                String key = NodeReader.scalarText(t.getKeyNode());
                if (headers.containsKey(key)) {
                    ok &= template(NodeReader.child(m.path("headers"), key), t.getValueNode(), headers.get(key),
                            hasBodySize, hasResponseSize);
                }
            }
        }
        String name = m.string("name");
        if (!ok || method == null || target == null || (m.has("name") && name == null)) {
            return null;
        }
        try {
            String upper = method.toUpperCase(Locale.ROOT);
            return new Step.Request(name == null ? upper + " " + target : name, upper, target, headers, body,
                    contentType, bodySize, responseSize);
        } catch (IllegalArgumentException e) {
            reader.problem(path, node, e.getMessage());
            return null;
        }
    }
}
