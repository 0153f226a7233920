package dev.onrush.core.plan;

import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Maps the plan's {@code phases:} list; problems go to the {@link NodeReader}. */
final class PhaseMapper {

    static final List<String> PHASE_KEYS = List.of("name", "duration", "rate", "users");
    static final List<String> RAMP_KEYS = List.of("from", "to");

    private final NodeReader reader;

    PhaseMapper(NodeReader reader) {
        this.reader = reader;
    }

    /** The phases, or {@code null} if any is bad. */
    List<Phase> phases(Node node, String path) {
        List<Node> items = reader.list(node, path);
        if (items == null) {
            return null;
        }
        if (items.isEmpty()) {
            reader.problem(path, node, "at least one phase is needed (or leave phases out and give load)");
            return null;
        }
        List<Phase> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            String p = NodeReader.index(path, i);
            Phase phase = phase(items.get(i), p);
            if (phase == null) {
                ok = false;
            } else if (!names.add(phase.name())) {
                reader.problem(p + ".name", items.get(i), "duplicate phase name \"" + phase.name() + "\"");
                ok = false;
            } else {
                out.add(phase);
            }
        }
        return ok ? out : null;
    }

    private Phase phase(Node node, String path) {
        MapNode m = reader.map(node, path, PHASE_KEYS);
        if (m == null) {
            return null;
        }
        String name = m.requiredString("name");
        Duration duration = m.has("duration") ? m.duration("duration", true, null) : null;
        if (!m.has("duration")) {
            m.missing("duration");
        }
        LoadShape shape = null;
        if (m.has("rate") == m.has("users")) {
            reader.problem(path, node, "give exactly one of rate or users");
        } else if (m.has("rate")) {
            shape = rate(m.get("rate"), m.path("rate"));
        } else {
            shape = users(m.get("users"), m.path("users"));
        }
        if (name == null || duration == null || shape == null) {
            return null;
        }
        try {
            return Phase.of(name, duration, shape);
        } catch (IllegalArgumentException e) {
            reader.problem(path, node, e.getMessage());
            return null;
        }
    }

    private LoadShape rate(Node node, String path) {
        if (node instanceof MappingNode) {
            MapNode m = reader.map(node, path, RAMP_KEYS);
            Double from = required(m, "from") ? nonNegative(m, "from") : null;
            Double to = required(m, "to") ? nonNegative(m, "to") : null;
            if (from == null || to == null) {
                return null;
            }
            return shape(path, node, () -> LoadShape.rate(from, to));
        }
        Double v = reader.number(node, path);
        if (v != null && v <= 0) {
            reader.problem(path, node, "must be > 0, got " + NodeReader.scalarText(node));
            return null;
        }
        return v == null ? null : LoadShape.rate(v, v);
    }

    private LoadShape users(Node node, String path) {
        if (node instanceof MappingNode) {
            MapNode m = reader.map(node, path, RAMP_KEYS);
            Integer from = required(m, "from") ? m.intAtLeast("from", 0, null) : null;
            Integer to = required(m, "to") ? m.intAtLeast("to", 0, null) : null;
            if (from == null || to == null) {
                return null;
            }
            return shape(path, node, () -> LoadShape.users(from, to));
        }
        Long v = reader.integer(node, path);
        if (v != null && (v <= 0 || v > Integer.MAX_VALUE)) {
            reader.problem(path, node, "must be > 0, got " + v);
            return null;
        }
        return v == null ? null : LoadShape.users(v.intValue(), v.intValue());
    }

    private static boolean required(MapNode m, String key) {
        if (!m.has(key)) {
            m.missing(key);
        }
        return m.has(key);
    }

    private static Double nonNegative(MapNode m, String key) {
        Double v = m.number(key);
        if (v != null && v < 0) {
            m.reader().problem(m.path(key), m.get(key), "must be >= 0, got " + NodeReader.scalarText(m.get(key)));
            return null;
        }
        return v;
    }

    private LoadShape shape(String path, Node node, java.util.function.Supplier<LoadShape> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            reader.problem(path, node, e.getMessage());
            return null;
        }
    }
}
