package dev.onrush.app;

import dev.onrush.core.model.HumanDuration;
import dev.onrush.core.model.LoadTest;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every command that runs a plan shares ({@code run}, {@code demo}); a picocli mixin. */
public class RunOptions {

    @Option(names = "--duration", paramLabel = "D",
            description = "Scale the phases to this total, e.g. 30s or 5m (think times are kept).")
    String duration;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Run folder (default: onrush-results/<yyyyMMdd-HHmmss>-<name>/).")
    Path out;

    @Option(names = "--event-loops", paramLabel = "N",
            description = "Event loops generating load (default: one per processor).")
    int eventLoops;

    /**
     * {@code test} with {@code --duration} applied.
     *
     * @throws IllegalArgumentException naming the option when its value is not a usable duration
     */
    LoadTest apply(LoadTest test) {
        if (duration == null) {
            return test;
        }
        try {
            return test.withTotalDuration(HumanDuration.parse(duration));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--duration " + e.getMessage(), e);
        }
    }

    /** Runs {@code test} with these options; returns the exit code. */
    int run(LoadTest test) {
        LoadTest scaled;
        try {
            scaled = apply(test);
        } catch (IllegalArgumentException e) {
            System.err.println("onrush: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return PlanRunner.run(scaled, System.out, out, eventLoops);
    }
}
