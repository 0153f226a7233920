package dev.onrush.core.plan;

import dev.onrush.core.model.HumanDuration;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads typed values out of a SnakeYAML node tree, collecting a problem (with path and line) for each value that
 * is missing or of the wrong type instead of throwing. A read that fails returns {@code null}; callers carry on
 * so that later problems are found too. Single-threaded, one per parse.
 */
final class NodeReader {

    private final List<PlanException.Problem> problems = new ArrayList<>();
    /** Nodes that came from {@code --set}: their marks point into the override text, not the plan. */
    private final Set<Node> synthetic = Collections.newSetFromMap(new IdentityHashMap<>());

    void markSynthetic(Node node) {
        synthetic.add(node);
        if (node instanceof MappingNode m) {
            m.getValue().forEach(t -> {
                markSynthetic(t.getKeyNode());
                markSynthetic(t.getValueNode());
            });
        } else if (node instanceof SequenceNode s) {
            s.getValue().forEach(this::markSynthetic);
        }
    }

    List<PlanException.Problem> problems() {
        return problems;
    }

    /** Records a problem at {@code node}'s position ({@code node} may be {@code null}: position unknown). */
    void problem(String path, Node node, String message) {
        Mark mark = node == null || synthetic.contains(node) ? null : node.getStartMark();
        int line = mark == null ? 0 : mark.getLine() + 1;
        int column = mark == null ? 0 : mark.getColumn() + 1;
        problems.add(new PlanException.Problem(path, line, column, message));
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    /** The node as a map whose keys must be among {@code allowed}, or {@code null} (problem recorded). */
    MapNode map(Node node, String path, List<String> allowed) {
        if (!(node instanceof MappingNode m)) {
            problem(path, node, "expected a map, got " + describe(node));
            return null;
        }
        return new MapNode(this, m, path, allowed);
    }

    /** The node as a list, or {@code null} (problem recorded). */
    List<Node> list(Node node, String path) {
        if (!(node instanceof SequenceNode s)) {
            problem(path, node, "expected a list, got " + describe(node));
            return null;
        }
        return s.getValue();
    }

    /** Any non-null scalar as its text (a number or boolean is accepted where text is expected). */
    String string(Node node, String path) {
        if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            return s.getValue();
        }
        problem(path, node, "expected text, got " + describe(node));
        return null;
    }

    Long integer(Node node, String path) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            try {
                return Long.parseLong(s.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                problem(path, node, "\"" + s.getValue() + "\" is not a whole number in range");
                return null;
            }
        }
        problem(path, node, "expected a whole number, got " + describe(node));
        return null;
    }

    Double number(Node node, String path) {
        if (node instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
            try {
                double v = Double.parseDouble(s.getValue().replace("_", ""));
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problem(path, node, "expected a number, got " + describe(node));
        return null;
    }

    Boolean bool(Node node, String path) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            String v = s.getValue().toLowerCase(Locale.ROOT);
            return v.equals("true") || v.equals("yes") || v.equals("on") || v.equals("y");
        }
        problem(path, node, "expected true or false, got " + describe(node));
        return null;
    }

    /** A human duration ({@code 30s}); {@code positive} demands {@code > 0}, otherwise {@code >= 0}. */
    Duration duration(Node node, String path, boolean positive) {
        String text = string(node, path);
        if (text == null) {
            return null;
        }
        try {
            Duration d = HumanDuration.parse(text);
            if (positive && d.isZero()) {
                problem(path, node, "must be > 0, got " + text);
                return null;
            }
            return d;
        } catch (IllegalArgumentException e) {
            problem(path, node, e.getMessage());
            return null;
        }
    }

    /**
     * The node as plain Java values: {@code String}, {@code Integer}/{@code Long}/{@code BigInteger},
     * {@code Double}, {@code Boolean}, {@code null}, {@code List} and {@code LinkedHashMap} (keys as text).
     */
    Object plain(Node node) {
        if (node instanceof MappingNode m) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                map.put(scalarText(t.getKeyNode()), plain(t.getValueNode()));
            }
            return map;
        }
        if (node instanceof SequenceNode s) {
            List<Object> list = new ArrayList<>();
            s.getValue().forEach(n -> list.add(plain(n)));
            return list;
        }
        ScalarNode s = (ScalarNode) node;
        String v = s.getValue();
        Tag tag = s.getTag();
        try {
            if (tag.equals(Tag.NULL)) {
                return null;
            } else if (tag.equals(Tag.BOOL)) {
                return bool(node, "");
            } else if (tag.equals(Tag.INT)) {
                BigInteger big = new BigInteger(v.replace("_", ""));
                return big.bitLength() < 32 ? (Object) big.intValue()
                        : big.bitLength() < 64 ? (Object) big.longValue() : big;
            } else if (tag.equals(Tag.FLOAT)) {
                return Double.parseDouble(v.replace("_", ""));
            }
        } catch (NumberFormatException e) {
            return v; // e.g. 0x1F or .inf: kept as written
        }
        return v;
    }

    static String scalarText(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : String.valueOf(node);
    }

    static String describe(Node node) {
        if (node == null) {
            return "nothing";
        }
        if (node instanceof MappingNode) {
            return "a map";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) node;
        return s.getTag().equals(Tag.NULL) ? "nothing (null)" : "\"" + s.getValue() + "\"";
    }
}
