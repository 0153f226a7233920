package dev.onrush.app;

import dev.onrush.core.Onrush;
import dev.onrush.core.model.HumanDuration;
import dev.onrush.core.model.LoadTest;
import picocli.CommandLine.Option;

import java.io.UncheckedIOException;
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

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Load sink and probe plugins from every jar in DIR (their ids become usable in the plan).")
    Path plugins;

    /**
     * The Onrush instance these options describe: console attached, plugins loaded.
     *
     * @throws IllegalArgumentException naming {@code --plugins} when its folder cannot be used
     */
    Onrush onrush() {
        Onrush.Builder b = Onrush.builder()
                .console(System.out, System.console() != null && System.getenv("CI") == null)
                .warnings(m -> System.err.println("onrush: warning: " + m));
        if (out != null) {
            b.outputDir(out);
        }
        if (eventLoops > 0) {
            b.eventLoops(eventLoops);
        }
        if (plugins != null) {
            b.pluginsDir(plugins);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new IllegalArgumentException((plugins == null ? "" : "--plugins ") + e.getMessage(), e);
        }
    }

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

    /** Runs {@code test} with these options on {@code onrush} (from {@link #onrush()}); returns the exit code. */
    int run(Onrush onrush, LoadTest test) {
        LoadTest scaled;
        try {
            scaled = apply(test);
        } catch (IllegalArgumentException e) {
            System.err.println("onrush: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return PlanRunner.run(onrush, scaled);
    }
}
