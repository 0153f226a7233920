package dev.onrush.core.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A request path, header value or body with variables, parsed once when the plan is built. The engine encodes the
 * literal parts once and writes only the variables per request; a text without variables costs nothing extra.
 *
 * <p>Variables:
 * <ul>
 *   <li>{@code ${counter}}: 1, 2, 3, … over the whole run, each value once (every event loop takes every
 *       n-th value, so the values are only roughly in send order);</li>
 *   <li>{@code ${random:MIN:MAX}}: a whole number drawn uniformly from {@code [MIN, MAX]} ({@code 0 <= MIN <= MAX});</li>
 *   <li>{@code ${uuid}}: a random (version 4) UUID;</li>
 *   <li>{@code ${size}}: the request's body size in bytes, drawn from its {@code body_size};</li>
 *   <li>{@code ${response_size}}: a size drawn from the request's {@code response_size}, to ask the target for a
 *       response of that size, e.g. {@code /api/bytes?size=${response_size}}.</li>
 * </ul>
 * Each variable is drawn once per request: the same spelling twice in one request (say {@code ${uuid}} in the
 * path and in a header) gives the same value. {@code $${} writes a literal {@code ${}. Anything else in
 * {@code ${…}} is an error, as is an unclosed {@code ${}.
 *
 * @param text  the text as written in the plan
 * @param parts literals and variables, in order (no two literals in a row, no empty literal)
 */
public record TextTemplate(String text, List<Part> parts) {

    /** One piece of a template. */
    public sealed interface Part permits Literal, Variable {
    }

    /** Text sent as is. */
    public record Literal(String text) implements Part {
        public Literal {
            Objects.requireNonNull(text, "text");
        }
    }

    /** What a variable stands for. */
    public enum Kind {
        COUNTER, RANDOM, UUID, SIZE, RESPONSE_SIZE
    }

    /**
     * A variable.
     *
     * @param spelling the text between {@code ${} and {@code }}, e.g. {@code random:1:1000}; equal spellings are
     *                 one value per request
     * @param kind     what it stands for
     * @param min      {@link Kind#RANDOM}: the smallest value; 0 otherwise
     * @param max      {@link Kind#RANDOM}: the largest value; 0 otherwise
     */
    public record Variable(String spelling, Kind kind, long min, long max) implements Part {
        public Variable {
            Objects.requireNonNull(spelling, "spelling");
            Objects.requireNonNull(kind, "kind");
        }

        /** Whether it makes keys (counter, random, uuid) rather than carrying a size. */
        public boolean isKey() {
            return kind == Kind.COUNTER || kind == Kind.RANDOM || kind == Kind.UUID;
        }
    }

    /** The variables the text may use, for messages. */
    public static final String KNOWN = "${counter}, ${random:MIN:MAX}, ${uuid}, ${size}, ${response_size}";

    public TextTemplate {
        Objects.requireNonNull(text, "text");
        parts = List.copyOf(parts);
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the first bad variable and the known ones
     */
    public static TextTemplate parse(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                literal.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("\"${\" at index " + i + " is not closed by \"}\" (write $${"
                            + " for a literal ${)");
                }
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(variable(text.substring(i + 2, close)));
                i = close + 1;
            } else {
                literal.append(text.charAt(i++));
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new TextTemplate(text, parts);
    }

    /** Whether {@code text} has variables (a cheap check; {@link #parse} still validates them). */
    public static boolean hasVariables(String text) {
        return text != null && text.contains("${");
    }

    /** Whether there are no variables: the text after parsing is one literal (or empty). */
    public boolean isStatic() {
        return parts.stream().noneMatch(Variable.class::isInstance);
    }

    /** The text with {@code $${} unescaped, valid only when {@link #isStatic()}. */
    public String literalText() {
        return parts.isEmpty() ? "" : ((Literal) parts.get(0)).text();
    }

    /** The distinct variables, in order of first use. */
    public Set<Variable> variables() {
        Set<Variable> out = new LinkedHashSet<>();
        parts.stream().filter(Variable.class::isInstance).map(Variable.class::cast).forEach(out::add);
        return out;
    }

    /** Whether a variable of {@code kind} occurs. */
    public boolean uses(Kind kind) {
        return variables().stream().anyMatch(v -> v.kind() == kind);
    }

    private static Variable variable(String spelling) {
        switch (spelling) {
            case "counter":
                return new Variable(spelling, Kind.COUNTER, 0, 0);
            case "uuid":
                return new Variable(spelling, Kind.UUID, 0, 0);
            case "size":
                return new Variable(spelling, Kind.SIZE, 0, 0);
            case "response_size":
                return new Variable(spelling, Kind.RESPONSE_SIZE, 0, 0);
            default:
                break;
        }
        String[] p = spelling.split(":", -1);
        if (p[0].equals("random")) {
            if (p.length != 3) {
                throw new IllegalArgumentException("\"${" + spelling + "}\": write ${random:MIN:MAX}, e.g."
                        + " ${random:1:1000000}");
            }
            long min = bound(spelling, p[1]);
            long max = bound(spelling, p[2]);
            if (min > max) {
                throw new IllegalArgumentException("\"${" + spelling + "}\": MIN is more than MAX");
            }
            return new Variable(spelling, Kind.RANDOM, min, max);
        }
        throw new IllegalArgumentException("\"${" + spelling + "}\" is not a known variable (" + KNOWN + ")");
    }

    private static long bound(String spelling, String text) {
        try {
            long v = Long.parseLong(text);
            if (v >= 0 && v < Long.MAX_VALUE) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("\"${" + spelling + "}\": \"" + text
                + "\" is not a whole number >= 0 (write ${random:MIN:MAX})");
    }
}
