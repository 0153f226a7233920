package dev.onrush.core;

import java.util.List;

/**
 * The plugins a plan names cannot be set up: unknown ids, bad settings, a provider that refused its settings.
 * Lists every problem at once, one per line of {@link #getMessage()}. Thrown by {@link Onrush#run} and
 * {@link Onrush#start} before the run folder is created and before any load is sent.
 */
public final class PluginException extends IllegalArgumentException {

    private final List<String> problems;

    /** @param problems one sentence each, starting with the entry's path ({@code sinks[1] (dynamodb)}) */
    public PluginException(List<String> problems) {
        super(problems.size() + (problems.size() == 1 ? " plugin problem" : " plugin problems") + ":\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in plan order. */
    public List<String> problems() {
        return problems;
    }
}
