package dev.onrush.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of one plugin entry of a plan (its keys besides {@code id}), with typed getters. Values are as
 * YAML gives them ({@link String}, {@link Integer}/{@link Long}, {@link Double}, {@link Boolean}, {@link List},
 * {@link Map}) or text (from a system property); text is converted when it reads as the asked type.
 *
 * <p>Immutable and thread-safe. Getters take the default of the matching {@link ConfigKey} when the key is
 * absent; an object getter returns {@code null} when there is neither value nor default, a primitive getter throws
 * {@link IllegalArgumentException}. A value that cannot be read as the asked type throws
 * {@link IllegalArgumentException} naming the plugin, the key and the value. {@link #validate} finds every such
 * problem up front.
 */
public final class PluginConfig {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h|d)");

    private final String pluginId;
    private final Map<String, Object> settings;
    private final Map<String, ConfigKey> keys = new LinkedHashMap<>();

    /**
     * @param pluginId the provider's id
     * @param settings the entry's settings (copied)
     * @param keys     the provider's keys, for defaults; may be empty
     */
    public PluginConfig(String pluginId, Map<String, ?> settings, List<ConfigKey> keys) {
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(settings, "settings")));
        for (ConfigKey k : keys) {
            this.keys.putIfAbsent(k.name(), k);
        }
    }

    /** Settings without keys (so without defaults). */
    public static PluginConfig of(String pluginId, Map<String, ?> settings) {
        return new PluginConfig(pluginId, settings, List.of());
    }

    /** The provider id of the entry. */
    public String pluginId() {
        return pluginId;
    }

    /** The settings as given (unmodifiable, in plan order), without defaults. */
    public Map<String, Object> settings() {
        return settings;
    }

    /** Whether the entry gives {@code key} (defaults do not count). */
    public boolean has(String key) {
        return settings.containsKey(key);
    }

    /** {@code key} as text; any scalar is accepted. */
    public String string(String key) {
        Object v = raw(key);
        if (v == null) {
            return null;
        }
        if (v instanceof List || v instanceof Map) {
            throw wrong(key, v, "text");
        }
        return v.toString();
    }

    /** {@code key} as an {@code int}. */
    public int integer(String key) {
        long v = longValue(key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw wrong(key, v, "a whole number that fits an int");
        }
        return (int) v;
    }

    /** {@code key} as a {@code long}. */
    public long longValue(String key) {
        Object v = present(key);
        Long n = toLong(v);
        if (n == null) {
            throw wrong(key, v, "a whole number");
        }
        return n;
    }

    /** {@code key} as a {@code double}. */
    public double decimal(String key) {
        Object v = present(key);
        Double d = toDouble(v);
        if (d == null) {
            throw wrong(key, v, "a number");
        }
        return d;
    }

    /** {@code key} as a {@code boolean}; text must be {@code true} or {@code false}. */
    public boolean bool(String key) {
        Object v = present(key);
        Boolean b = toBoolean(v);
        if (b == null) {
            throw wrong(key, v, "true or false");
        }
        return b;
    }

    /** {@code key} as a duration: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1m30s}, {@code PT30S}. */
    public Duration duration(String key) {
        Object v = raw(key);
        if (v == null) {
            return null;
        }
        Duration d = toDuration(v);
        if (d == null) {
            throw wrong(key, v, "a duration such as 250ms, 30s, 5m or 1h");
        }
        return d;
    }

    /** {@code key} as a list (unmodifiable); text is split at commas. */
    public List<Object> list(String key) {
        Object v = raw(key);
        if (v == null) {
            return null;
        }
        List<Object> l = toList(v);
        if (l == null) {
            throw wrong(key, v, "a list");
        }
        return l;
    }

    /** {@code key} as a map (unmodifiable); text {@code k=v,k2=v2} is accepted. */
    public Map<String, Object> map(String key) {
        Object v = raw(key);
        if (v == null) {
            return null;
        }
        Map<String, Object> m = toMap(v);
        if (m == null) {
            throw wrong(key, v, "a map");
        }
        return m;
    }

    /**
     * Checks these settings against {@code accepted}: unknown keys (with the closest accepted name), values of the
     * wrong type, missing required keys. Returns every problem, one sentence each starting with the key; empty when
     * all is well. Never throws for bad settings.
     */
    public List<String> validate(List<ConfigKey> accepted) {
        Map<String, ConfigKey> byName = new LinkedHashMap<>();
        accepted.forEach(k -> byName.putIfAbsent(k.name(), k));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            ConfigKey k = byName.get(e.getKey());
            if (k == null) {
                String near = closest(e.getKey(), byName.keySet());
                problems.add(e.getKey() + ": unknown key" + (near == null ? "" : "; did you mean " + near + "?"));
            } else if (!fits(k.type(), e.getValue())) {
                problems.add(e.getKey() + ": expected " + describe(k.type()) + ", got " + show(e.getValue()));
            }
        }
        for (ConfigKey k : byName.values()) {
            if (k.required() && !settings.containsKey(k.name())) {
                problems.add(k.name() + ": missing (required: " + k.description() + ")");
            }
        }
        return problems;
    }

    @Override
    public String toString() {
        return "PluginConfig[" + pluginId + " " + settings + "]";
    }

    private Object raw(String key) {
        Object v = settings.get(Objects.requireNonNull(key, "key"));
        if (v == null && keys.containsKey(key)) {
            v = keys.get(key).defaultValue();
        }
        return v;
    }

    private Object present(String key) {
        Object v = raw(key);
        if (v == null) {
            throw new IllegalArgumentException(pluginId + "." + key + ": no value and no default");
        }
        return v;
    }

    private IllegalArgumentException wrong(String key, Object v, String expected) {
        return new IllegalArgumentException(pluginId + "." + key + ": expected " + expected + ", got " + show(v));
    }

    private static boolean fits(ConfigKey.Type type, Object v) {
        return switch (type) {
            case STRING -> !(v instanceof List || v instanceof Map);
            case INT -> {
                Long n = toLong(v);
                yield n != null && n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE;
            }
            case LONG -> toLong(v) != null;
            case DOUBLE -> toDouble(v) != null;
            case BOOLEAN -> toBoolean(v) != null;
            case DURATION -> toDuration(v) != null;
            case LIST -> toList(v) != null;
            case MAP -> toMap(v) != null;
        };
    }

    private static String describe(ConfigKey.Type type) {
        return switch (type) {
            case STRING -> "text";
            case INT, LONG -> "a whole number";
            case DOUBLE -> "a number";
            case BOOLEAN -> "true or false";
            case DURATION -> "a duration such as 250ms, 30s, 5m or 1h";
            case LIST -> "a list";
            case MAP -> "a map";
        };
    }

    private static String show(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    }

    private static Long toLong(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Double toDouble(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                double d = Double.parseDouble(s.trim());
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Boolean toBoolean(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.trim().equalsIgnoreCase("true") || s.trim().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.trim());
        }
        return null;
    }

    /** Parses the human forms; {@code null} when {@code v} is not one (negative durations are not accepted). */
    static Duration toDuration(Object v) {
        if (!(v instanceof String s)) {
            return null;
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            try {
                Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
                return d.isNegative() ? null : d;
            } catch (RuntimeException e) {
                return null;
            }
        }
        Matcher m = DURATION_PART.matcher(t);
        long nanos = 0;
        int at = 0;
        while (at < t.length()) {
            if (!m.find(at) || m.start() != at) {
                return null;
            }
            nanos += Math.round(Double.parseDouble(m.group(1)) * unitNanos(m.group(2)));
            at = m.end();
        }
        return at == 0 ? null : Duration.ofNanos(nanos);
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            default -> 86400e9;
        };
    }

    private static List<Object> toList(Object v) {
        if (v instanceof List<?> l) {
            return Collections.unmodifiableList(new ArrayList<>(l));
        }
        if (v instanceof String s) {
            List<Object> out = new ArrayList<>();
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return Collections.unmodifiableList(out);
        }
        return null;
    }

    private static Map<String, Object> toMap(Object v) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> out.put(String.valueOf(k), x));
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof String s) {
            for (String part : s.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    return null;
                }
                out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
            return Collections.unmodifiableMap(out);
        }
        return null;
    }

    /** The accepted name closest to {@code key} (edit distance at most 3, or one contains the other). */
    private static String closest(String key, Iterable<String> names) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String n : names) {
            int d = n.contains(key) || key.contains(n) ? 1 : distance(key, n);
            if (d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        return bestDistance <= 3 ? best : null;
    }

    private static int distance(String a, String b) {
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
}
