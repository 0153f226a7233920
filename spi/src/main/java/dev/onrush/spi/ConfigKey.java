package dev.onrush.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One setting a plugin accepts in its plan entry ({@code sinks:}/{@code probes:}) or as the system property
 * {@code onrush.sink.<id>.<name>} / {@code onrush.probe.<id>.<name>}. Immutable.
 *
 * @param name         the key, snake_case ({@code results_table}); never {@code null}
 * @param type         the value's type; never {@code null}
 * @param defaultValue the value used when the key is absent, or {@code null} for none; a {@link String} for
 *                     {@link Type#DURATION} ({@code "30s"}), otherwise a value of the type's Java class
 * @param required     whether a plan must give the key (a required key has no default)
 * @param description  one sentence for users, shown in errors and listings; never {@code null}
 * @param kind         what the value means to Onrush beyond its type: {@link Kind#URL} for a URL the plugin sends
 *                     requests to, which a service running plans from others ({@code onrush serve}) checks against
 *                     its target allow-list before the run starts; never {@code null}
 */
public record ConfigKey(String name, Type type, Object defaultValue, boolean required, String description,
                        Kind kind) {

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    /**
     * @throws IllegalArgumentException when {@code name} is not snake_case or a required key has a default
     * @throws NullPointerException     naming the parameter when name, type or description is {@code null}
     */
    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(kind, "kind");
        if (!isSnakeCase(name)) {
            throw new IllegalArgumentException("name must be snake_case, got \"" + name + "\"");
        }
        if (required && defaultValue != null) {
            throw new IllegalArgumentException("required key " + name + " cannot have a default");
        }
        if (kind == Kind.URL && type != Type.STRING) {
            throw new IllegalArgumentException("URL key " + name + " must have type STRING, got " + type);
        }
    }

    /** A key of {@link Kind#PLAIN} kind (the form before kinds existed). */
    public ConfigKey(String name, Type type, Object defaultValue, boolean required, String description) {
        this(name, type, defaultValue, required, description, Kind.PLAIN);
    }

    /** A key a plan must give. */
    public static ConfigKey required(String name, Type type, String description) {
        return new ConfigKey(name, type, null, true, description);
    }

    /** A key a plan may give; {@code defaultValue} may be {@code null}. */
    public static ConfigKey optional(String name, Type type, Object defaultValue, String description) {
        return new ConfigKey(name, type, defaultValue, false, description);
    }

    /**
     * An optional URL the plugin sends requests to ({@link Kind#URL}, text), e.g. {@code endpoint}.
     *
     * @param defaultValue the URL used when the plan gives none, or {@code null}
     */
    public static ConfigKey url(String name, String defaultValue, String description) {
        return new ConfigKey(name, Type.STRING, defaultValue, false, description, Kind.URL);
    }

    /** A URL the plugin sends requests to ({@link Kind#URL}) that a plan must give. */
    public static ConfigKey requiredUrl(String name, String description) {
        return new ConfigKey(name, Type.STRING, null, true, description, Kind.URL);
    }

    /** Whether the value is a URL the plugin contacts ({@link Kind#URL}). */
    public boolean isUrl() {
        return kind == Kind.URL;
    }

    /** Whether {@code name} is snake_case: lower-case letters and digits, words joined by one underscore. */
    public static boolean isSnakeCase(String name) {
        return name != null && SNAKE_CASE.matcher(name).matches();
    }

    /**
     * What a setting's value means to Onrush beyond its {@link Type}. A plugin declares every key whose value is a
     * URL it sends requests to (an API endpoint, a webhook, a metadata service) as {@link #URL}, so that a service
     * running plans from others can hold it to its target allow-list; a URL that is only written somewhere (a link
     * in a stored record) is {@link #PLAIN}.
     */
    public enum Kind {
        /** A value with no meaning to Onrush beyond its type. */
        PLAIN,
        /** An absolute URL (text) the plugin sends requests to. */
        URL
    }

    /** The value types a setting may have, as YAML gives them or as text from a system property. */
    public enum Type {
        /** Any scalar, read as text. */
        STRING,
        /** A whole number that fits an {@code int}. */
        INT,
        /** A whole number that fits a {@code long}. */
        LONG,
        /** A number. */
        DOUBLE,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** Text such as {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h} or ISO-8601 {@code PT30S}. */
        DURATION,
        /** A YAML list, or comma-separated text. */
        LIST,
        /** A YAML mapping, or {@code k=v,k2=v2} text. */
        MAP
    }
}
