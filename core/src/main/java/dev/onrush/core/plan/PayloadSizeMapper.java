package dev.onrush.core.plan;

import dev.onrush.core.model.PayloadSize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Maps a request's {@code body_size} or {@code response_size}: a size ({@code 64KiB}, a fixed size) or a map
 * {@code {distribution: fixed|uniform|lognormal|choice, ...}}; and writes one back. Problems go to the
 * {@link NodeReader}.
 *
 * <pre>
 * body_size: 64KiB
 * body_size: {distribution: uniform, min: 1KiB, max: 10MiB}
 * body_size: {distribution: lognormal, median: 16KiB, p99: 2MiB, max: 10MiB}    # min defaults to 0
 * body_size: {distribution: choice, sizes: [1KiB, 1MiB], weights: [9, 1]}     # weights default to equal
 * </pre>
 */
final class PayloadSizeMapper {

    static final List<String> KEYS = List.of("distribution", "size", "min", "max", "median", "p99", "sizes",
            "weights");
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "fixed", List.of("size"),
            "uniform", List.of("min", "max"),
            "lognormal", List.of("median", "p99", "max"),
            "choice", List.of("sizes"));
    private static final Map<String, List<String>> OPTIONAL = Map.of(
            "fixed", List.of(),
            "uniform", List.of(),
            "lognormal", List.of("min"),
            "choice", List.of("weights"));

    private final NodeReader reader;

    PayloadSizeMapper(NodeReader reader) {
        this.reader = reader;
    }

    /** The distribution, or {@code null} when it is bad (problem recorded). */
    PayloadSize size(Node node, String path) {
        if (node instanceof ScalarNode) {
            Long bytes = bytes(node, path);
            return bytes == null ? null : PayloadSize.fixed(bytes);
        }
        MapNode m = reader.map(node, path, KEYS);
        if (m == null) {
            return null;
        }
        String distribution = m.requiredString("distribution");
        if (distribution == null) {
            return null;
        }
        if (!REQUIRED.containsKey(distribution)) {
            reader.problem(m.path("distribution"), m.get("distribution"), "\"" + distribution
                    + "\" is not a distribution (fixed, uniform, lognormal, choice)");
            return null;
        }
        boolean ok = true;
        for (String key : m.entries().keySet()) {
            if (!key.equals("distribution") && !REQUIRED.get(distribution).contains(key)
                    && !OPTIONAL.get(distribution).contains(key)) {
                reader.problem(m.path(key), m.get(key), "not a setting of " + distribution + " (give "
                        + String.join(", ", concat(REQUIRED.get(distribution), OPTIONAL.get(distribution))) + ")");
                ok = false;
            }
        }
        for (String key : REQUIRED.get(distribution)) {
            if (!m.has(key)) {
                m.missing(key);
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        try {
            return switch (distribution) {
                case "fixed" -> orNull(bytes(m, "size"), PayloadSize::fixed);
                case "uniform" -> {
                    Long min = bytes(m, "min");
                    Long max = bytes(m, "max");
                    yield min == null || max == null ? null : PayloadSize.uniform(min, max);
                }
                case "lognormal" -> {
                    Long median = bytes(m, "median");
                    Long p99 = bytes(m, "p99");
                    Long min = m.has("min") ? bytes(m, "min") : Long.valueOf(0);
                    Long max = bytes(m, "max");
                    yield median == null || p99 == null || min == null || max == null ? null
                            : new PayloadSize.LogNormal(median, p99, min, max);
                }
                default -> choice(m);
            };
        } catch (IllegalArgumentException e) {
            reader.problem(path, node, e.getMessage());
            return null;
        }
    }

    private PayloadSize choice(MapNode m) {
        List<Node> sizeNodes = reader.list(m.get("sizes"), m.path("sizes"));
        if (sizeNodes == null) {
            return null;
        }
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < sizeNodes.size(); i++) {
            Long b = bytes(sizeNodes.get(i), NodeReader.index(m.path("sizes"), i));
            if (b == null) {
                return null;
            }
            sizes.add(b);
        }
        List<Integer> weights = new ArrayList<>();
        if (m.has("weights")) {
            List<Node> weightNodes = reader.list(m.get("weights"), m.path("weights"));
            if (weightNodes == null) {
                return null;
            }
            for (int i = 0; i < weightNodes.size(); i++) {
                Long w = reader.integer(weightNodes.get(i), NodeReader.index(m.path("weights"), i));
                if (w == null) {
                    return null;
                }
                weights.add((int) Math.max(-1, Math.min(Integer.MAX_VALUE, w)));
            }
        } else {
            sizes.forEach(s -> weights.add(1));
        }
        return new PayloadSize.Choice(sizes, weights);
    }

    private Long bytes(MapNode m, String key) {
        return bytes(m.get(key), m.path(key));
    }

    private Long bytes(Node node, String path) {
        String text = reader.string(node, path);
        if (text == null) {
            return null;
        }
        try {
            return PayloadSize.parseBytes(text);
        } catch (IllegalArgumentException e) {
            reader.problem(path, node, e.getMessage());
            return null;
        }
    }

    /** {@code size} as plan text: a fixed size as a scalar, the others as a map. */
    static Object write(PayloadSize size) {
        if (size instanceof PayloadSize.Fixed f) {
            return PayloadSize.formatBytes(f.bytes());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("distribution", size.distribution());
        if (size instanceof PayloadSize.Uniform u) {
            m.put("min", PayloadSize.formatBytes(u.min()));
            m.put("max", PayloadSize.formatBytes(u.max()));
        } else if (size instanceof PayloadSize.LogNormal l) {
            m.put("median", PayloadSize.formatBytes(l.median()));
            m.put("p99", PayloadSize.formatBytes(l.p99()));
            if (l.min() != 0) {
                m.put("min", PayloadSize.formatBytes(l.min()));
            }
            m.put("max", PayloadSize.formatBytes(l.max()));
        } else if (size instanceof PayloadSize.Choice c) {
            m.put("sizes", c.sizes().stream().map(PayloadSize::formatBytes).toList());
            if (c.weights().stream().anyMatch(w -> w != 1)) {
                m.put("weights", c.weights());
            }
        }
        return m;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static <T> PayloadSize orNull(T value, java.util.function.Function<T, PayloadSize> f) {
        return value == null ? null : f.apply(value);
    }
}
