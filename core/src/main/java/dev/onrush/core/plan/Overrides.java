package dev.onrush.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Applies {@code --set key=value} overrides to a plan's node tree before it is mapped. A key is a dotted path
 * with optional list indexes ({@code phases[0].duration}); the value is a YAML flow value ({@code 10},
 * {@code {from: 1, to: 2}}, {@code p99 < 1s}). Missing map keys are created; an index past a list's end is a
 * problem. Problems have the path {@code --set KEY} and no line.
 */
final class Overrides {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_-]+)((?:\\[\\d{1,9}])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final NodeReader reader;

    Overrides(NodeReader reader) {
        this.reader = reader;
    }

    void apply(MappingNode root, List<String> overrides) {
        for (String override : overrides) {
            int eq = override.indexOf('=');
            String key = eq < 0 ? override : override.substring(0, eq).trim();
            String path = "--set " + key;
            if (eq < 0) {
                reader.problem(path, null, "write key=value, e.g. load.max_users=10");
                continue;
            }
            List<Object> steps = steps(key);
            if (steps == null) {
                reader.problem(path, null, "\"" + key + "\" is not a key path (write e.g. phases[0].duration)");
                continue;
            }
            Node value = value(override.substring(eq + 1), path);
            if (value != null) {
                reader.markSynthetic(value);
                set(root, steps, value, path);
            }
        }
    }

    /** Map keys as {@code String}, list indexes as {@code Integer}; {@code null} when malformed. */
    private static List<Object> steps(String key) {
        List<Object> steps = new ArrayList<>();
        for (String part : key.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                return null;
            }
            steps.add(m.group(1));
            Matcher idx = INDEX.matcher(m.group(2));
            while (idx.find()) {
                steps.add(Integer.parseInt(idx.group(1)));
            }
        }
        return steps;
    }

    private Node value(String text, String path) {
        try {
            Node node = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(text));
            return node != null ? node : new ScalarNode(Tag.NULL, "", null, null, DumperOptions.ScalarStyle.PLAIN);
        } catch (YAMLException e) {
            reader.problem(path, null, "the value is not valid YAML: " + e.getMessage().replace('\n', ' '));
            return null;
        }
    }

    private void set(Node root, List<Object> steps, Node value, String path) {
        Node at = root;
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (step instanceof String key && at instanceof MappingNode map) {
                int found = find(map, key);
                if (found < 0) {
                    Node created = last ? value : steps.get(i + 1) instanceof String ? emptyMap() : null;
                    if (created == null) {
                        reader.problem(path, null, "\"" + key + "\" is not in the plan, so it cannot be indexed");
                        return;
                    }
                    map.getValue().add(new NodeTuple(scalar(key), created));
                    at = created;
                } else if (last) {
                    map.getValue().set(found, new NodeTuple(map.getValue().get(found).getKeyNode(), value));
                } else {
                    at = map.getValue().get(found).getValueNode();
                }
            } else if (step instanceof Integer index && at instanceof SequenceNode seq) {
                if (index >= seq.getValue().size()) {
                    reader.problem(path, null, "index " + index + " is past the end of a list of "
                            + seq.getValue().size());
                    return;
                }
                if (last) {
                    seq.getValue().set(index, value);
                } else {
                    at = seq.getValue().get(index);
                }
            } else {
                reader.problem(path, null, (step instanceof String ? "cannot set key \"" + step + "\" in "
                        : "cannot index ") + NodeReader.describe(at));
                return;
            }
        }
    }

    private static int find(MappingNode map, String key) {
        List<NodeTuple> tuples = map.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            if (tuples.get(i).getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static MappingNode emptyMap() {
        return new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.AUTO);
    }

    private static ScalarNode scalar(String text) {
        return new ScalarNode(Tag.STR, text, null, null, DumperOptions.ScalarStyle.PLAIN);
    }
}
