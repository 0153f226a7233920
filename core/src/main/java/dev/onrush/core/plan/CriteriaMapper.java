package dev.onrush.core.plan;

import dev.onrush.core.model.Criterion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Maps the plan's {@code criteria:}: a list of expressions or scoped objects, or the seed's map form
 * ({@code max_response_time}, {@code error_rate}, {@code min_throughput}). Request and phase names are checked
 * against the test's.
 */
final class CriteriaMapper {

    static final List<String> OBJECT_KEYS = List.of("expr", "request", "phase", "abort_on_fail", "delay");
    static final List<String> SEED_KEYS = List.of("max_response_time", "error_rate", "min_throughput");

    private final NodeReader reader;
    private final List<String> requestNames;
    private final List<String> phaseNames;

    CriteriaMapper(NodeReader reader, List<String> requestNames, List<String> phaseNames) {
        this.reader = reader;
        this.requestNames = requestNames;
        this.phaseNames = phaseNames;
    }

    /** The criteria; bad ones are left out (and reported). */
    List<Criterion> criteria(Node node, String path) {
        List<Criterion> out = new ArrayList<>();
        if (node instanceof MappingNode) {
            MapNode m = reader.map(node, path, SEED_KEYS);
            m.entries().forEach((key, value) -> {
                String text = reader.string(value, m.path(key));
                if (text != null) {
                    String expr = switch (key) {
                        case "max_response_time" -> "p95 < " + text;
                        case "error_rate" -> "error_rate < " + text + (text.endsWith("%") ? "" : "%");
                        default -> "throughput > " + text + (text.endsWith("/s") ? "" : "/s");
                    };
                    add(out, parse(expr, value, m.path(key)));
                }
            });
            return out;
        }
        List<Node> items = reader.list(node, path);
        if (items == null) {
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String p = NodeReader.index(path, i);
            add(out, item instanceof ScalarNode ? parse(reader.string(item, p), item, p) : scoped(item, p));
        }
        return out;
    }

    private static void add(List<Criterion> out, Criterion c) {
        if (c != null) {
            out.add(c);
        }
    }

    private Criterion scoped(Node node, String path) {
        MapNode m = reader.map(node, path, OBJECT_KEYS);
        if (m == null) {
            return null;
        }
        Criterion c = m.has("expr") ? parse(m.string("expr"), m.get("expr"), m.path("expr")) : null;
        if (!m.has("expr")) {
            m.missing("expr");
        }
        String request = known(m, "request", requestNames, "request");
        String phase = Criterion.ALL_PHASES.equals(m.string("phase")) ? Criterion.ALL_PHASES
                : known(m, "phase", phaseNames, "phase");
        Boolean abort = m.bool("abort_on_fail", false);
        Duration delay = m.duration("delay", false, Duration.ZERO);
        if (c == null || abort == null || delay == null || (m.has("request") && request == null)
                || (m.has("phase") && phase == null)) {
            return null;
        }
        return new Criterion(c.expression(), c.metric(), c.operator(), c.threshold(), request, phase, abort, delay);
    }

    private String known(MapNode m, String key, List<String> names, String what) {
        String name = m.string(key);
        if (name != null && names != null && !names.contains(name)) {
            m.reader().problem(m.path(key), m.get(key), "no " + what + " is named \"" + name + "\"; known: "
                    + String.join(", ", names) + (what.equals("phase") ? " (or all, for the whole run)" : ""));
            return null;
        }
        return name;
    }

    private Criterion parse(String text, Node node, String path) {
        if (text == null) {
            return null;
        }
        try {
            return Criterion.parse(text);
        } catch (IllegalArgumentException e) {
            reader.problem(path, node, e.getMessage());
            return null;
        }
    }
}
