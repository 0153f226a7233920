package dev.onrush.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Request headers whose values are secrets ({@code Authorization}, {@code Cookie}, ...): the engine sends them, but
 * every copy of a plan that is stored, logged, reported or served shows {@link #REDACTED} in their place. Names
 * compare case-insensitively (HTTP header names are). Immutable and thread-safe.
 */
public final class SecretHeaders {

    /** What a secret value is replaced with. */
    public static final String REDACTED = "<redacted>";

    /** The names that are always secret, lower case. */
    public static final Set<String> DEFAULT_NAMES = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key");

    private static final SecretHeaders DEFAULTS = new SecretHeaders(DEFAULT_NAMES);

    private final Set<String> names;

    private SecretHeaders(Collection<String> lowerCaseNames) {
        this.names = Set.copyOf(lowerCaseNames);
    }

    /** Only {@link #DEFAULT_NAMES}. */
    public static SecretHeaders defaults() {
        return DEFAULTS;
    }

    /**
     * {@link #DEFAULT_NAMES} plus {@code extraNames} (any case; blank entries are ignored).
     *
     * @throws NullPointerException when {@code extraNames} or one of its entries is null
     */
    public static SecretHeaders withExtra(Collection<String> extraNames) {
        List<String> all = new ArrayList<>(DEFAULT_NAMES);
        for (String n : extraNames) {
            String name = Objects.requireNonNull(n, "extraNames entry").trim();
            if (!name.isEmpty()) {
                all.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return new SecretHeaders(all);
    }

    /** The secret names, lower case, sorted. */
    public Set<String> names() {
        return new TreeSet<>(names);
    }

    /** Whether a header of this name carries a secret. */
    public boolean isSecret(String headerName) {
        return names.contains(headerName.toLowerCase(Locale.ROOT));
    }

    /** {@code headers} in their order with every secret value replaced by {@link #REDACTED}. */
    public Map<String, String> redact(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k, isSecret(k) ? REDACTED : v));
        return out;
    }

    /** {@code test} with every request's secret header values replaced; {@code test} itself when it has none. */
    public LoadTest redact(LoadTest test) {
        boolean any = test.scenarios().stream().flatMap(s -> s.requests().stream())
                .anyMatch(r -> r.headers().keySet().stream().anyMatch(this::isSecret));
        if (!any) {
            return test;
        }
        List<Scenario> scenarios = test.scenarios().stream().map(this::redact).toList();
        return new LoadTest(test.name(), test.type(), test.target(), test.load(), scenarios, test.phases(),
                test.criteria(), test.sinks(), test.probes(), test.tags(), test.limits());
    }

    private Scenario redact(Scenario s) {
        List<Step> steps = s.steps().stream().map(step -> step instanceof Step.Request r
                ? new Step.Request(r.name(), r.method(), r.path(), redact(r.headers()), r.body(), r.contentType())
                : step).toList();
        return new Scenario(s.name(), s.weight(), steps);
    }
}
