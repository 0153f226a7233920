package dev.onrush.core.plan;

import java.util.List;
import java.util.Objects;

/**
 * A plan that cannot be run, with every problem found in it. {@link #getMessage()} is the whole report, meant to
 * be printed to the user as is (no stack trace needed):
 *
 * <pre>
 * Invalid plan checkout.yaml: 2 problem(s)
 *   scenarios[1].steps[0].request.method: "FETCH" is not an HTTP method (GET, HEAD, POST, ...) (line 14, column 20)
 *   load.max_user: unknown key (did you mean "max_users"?) ... (line 9, column 9)
 * </pre>
 */
public final class PlanException extends RuntimeException {

    /**
     * One thing wrong with a plan.
     *
     * @param path    where, e.g. {@code scenarios[1].steps[0].request.method}; {@code ""} for the plan as a whole,
     *                {@code --set KEY} for an override
     * @param line    1-based line in the plan text, 0 when unknown (missing keys, overrides)
     * @param column  1-based column, 0 when unknown
     * @param message what is wrong, in words
     */
    public record Problem(String path, int line, int column, String message) {
        public Problem {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
        }

        /** {@code path: message (line L, column C)}, leaving out what is unknown. */
        @Override
        public String toString() {
            String where = line > 0 ? " (line " + line + (column > 0 ? ", column " + column : "") + ")" : "";
            return (path.isEmpty() ? "" : path + ": ") + message + where;
        }
    }

    private final String source;
    private final List<Problem> problems;

    /**
     * @param source   the plan's name (file path or a label), used in the message
     * @param problems at least one problem
     */
    public PlanException(String source, List<Problem> problems) {
        super(null, null, false, false);
        this.source = Objects.requireNonNull(source, "source");
        this.problems = List.copyOf(problems);
        if (this.problems.isEmpty()) {
            throw new IllegalArgumentException("problems: at least one is needed");
        }
    }

    /** The plan's name as given to the parser. */
    public String source() {
        return source;
    }

    /** Every problem, in the order found (roughly document order). */
    public List<Problem> problems() {
        return problems;
    }

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder("Invalid plan ").append(source).append(": ")
                .append(problems.size()).append(" problem(s)");
        for (Problem p : problems) {
            sb.append("\n  ").append(p);
        }
        return sb.toString();
    }
}
