package dev.onrush.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A sink or probe named in a plan: its provider id and its settings (snake_case keys, values as parsed from the
 * plan: strings, numbers, booleans, lists, maps).
 *
 * @param id       the provider id, e.g. {@code json}, {@code dynamodb}
 * @param settings the entry's other keys, in plan order (unmodifiable)
 */
public record PluginSpec(String id, Map<String, Object> settings) {
    public PluginSpec {
        Objects.requireNonNull(id, "id");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A plugin with no settings. */
    public static PluginSpec of(String id) {
        return new PluginSpec(id, Map.of());
    }
}
