package dev.onrush.core.plan;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * A YAML map at a known path whose keys have been checked against the allowed ones (unknown keys and duplicates
 * are reported once, when it is made). Getters return {@code null} when the key is absent or its value is bad.
 */
final class MapNode {

    private final NodeReader reader;
    private final MappingNode node;
    private final String path;
    private final Map<String, Node> entries = new LinkedHashMap<>();

    MapNode(NodeReader reader, MappingNode node, String path, List<String> allowed) {
        this.reader = reader;
        this.node = node;
        this.path = path;
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : node.getValue()) {
            String key = reader.string(t.getKeyNode(), path.isEmpty() ? "(key)" : path + ".(key)");
            if (key == null) {
                continue;
            }
            String keyPath = NodeReader.child(path, key);
            if (!seen.add(key)) {
                reader.problem(keyPath, t.getKeyNode(), "duplicate key");
            } else if (allowed != null && !allowed.contains(key)) {
                reader.problem(keyPath, t.getKeyNode(), unknownKey(key, allowed));
            } else {
                entries.put(key, t.getValueNode());
            }
        }
    }

    static String unknownKey(String key, List<String> allowed) {
        String best = null;
        int bestDistance = 3;
        for (String a : allowed) {
            int d = editDistance(key, a);
            if (d < bestDistance) {
                bestDistance = d;
                best = a;
            }
        }
        return "unknown key" + (best == null ? "" : " (did you mean \"" + best + "\"?)")
                + "; allowed: " + String.join(", ", allowed);
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    NodeReader reader() {
        return reader;
    }

    MappingNode node() {
        return node;
    }

    String path() {
        return path;
    }

    /** The allowed keys present, in plan order, with their value nodes. */
    Map<String, Node> entries() {
        return entries;
    }

    String path(String key) {
        return NodeReader.child(path, key);
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Node get(String key) {
        return entries.get(key);
    }

    /** Reports {@code key} as missing (positioned at this map). */
    void missing(String key) {
        reader.problem(path(key), node, "required");
    }

    String string(String key) {
        return has(key) ? reader.string(get(key), path(key)) : null;
    }

    String requiredString(String key) {
        if (!has(key)) {
            missing(key);
            return null;
        }
        return string(key);
    }

    Long integer(String key) {
        return has(key) ? reader.integer(get(key), path(key)) : null;
    }

    /** An int within {@code [min, Integer.MAX_VALUE]}, {@code dflt} when absent, {@code null} when bad. */
    Integer intAtLeast(String key, int min, Integer dflt) {
        if (!has(key)) {
            return dflt;
        }
        Long v = integer(key);
        if (v == null) {
            return null;
        }
        if (v < min || v > Integer.MAX_VALUE) {
            reader.problem(path(key), get(key), "must be " + (min == 0 ? ">= 0" : "> " + (min - 1)) + ", got " + v);
            return null;
        }
        return v.intValue();
    }

    Double number(String key) {
        return has(key) ? reader.number(get(key), path(key)) : null;
    }

    Boolean bool(String key, boolean dflt) {
        return has(key) ? reader.bool(get(key), path(key)) : Boolean.valueOf(dflt);
    }

    /** A duration, {@code dflt} when absent, {@code null} when bad. */
    Duration duration(String key, boolean positive, Duration dflt) {
        return has(key) ? reader.duration(get(key), path(key), positive) : dflt;
    }

    /** A map of text to text (e.g. headers, tags), empty when absent. */
    Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!has(key)) {
            return out;
        }
        MapNode m = reader.map(get(key), path(key), null);
        if (m != null) {
            m.entries().forEach((k, v) -> {
                String s = reader.string(v, m.path(k));
                if (s != null) {
                    out.put(k, s);
                }
            });
        }
        return out;
    }
}
