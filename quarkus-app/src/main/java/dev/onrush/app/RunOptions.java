package dev.onrush.app;

import dev.onrush.core.Onrush;
import dev.onrush.core.model.HumanDuration;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.sink.RunFolder;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The options every command that runs a plan shares ({@code run}, {@code demo}); a picocli mixin. */
public class RunOptions {

    @Option(names = "--duration", paramLabel = "D",
            description = "Scale the phases to this total, e.g. 30s or 5m (think times are kept).")
    String duration;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Run folder, new or empty (default: a new onrush-results/<yyyyMMdd-HHmmss>-<name>/).")
    Path out;

    @Option(names = "--force",
            description = "Let --out be a folder that is not empty: the run there is replaced (a folder a running "
                    + "run holds is refused all the same).")
    boolean force;

    @Option(names = "--event-loops", paramLabel = "N",
            description = "Event loops generating load (default: one per processor).")
    int eventLoops;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Load sink and probe plugins from every jar in DIR (their ids become usable in the plan).")
    Path plugins;

    /**
     * The Onrush instance these options describe: console attached, plugins loaded.
     *
     * @throws IllegalArgumentException naming {@code --plugins} when its folder cannot be used, or {@code --out}
     *                                  when it is empty, or a folder that is not empty without {@code --force}
     */
    Onrush onrush() {
        checkOut();
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
     * Refuses an {@code --out} that would write where the user did not mean to: an empty name (the current
     * folder) or a folder holding files already (another run's, most likely), unless {@code --force}. The rest
     * (a file, not writable, no space, in use) the run folder's lock checks before any load ({@link
     * dev.onrush.core.sink.RunFolderLock}).
     */
    private void checkOut() {
        if (out == null) {
            return;
        }
        if (out.toString().isBlank()) {
            throw new IllegalArgumentException("--out is empty: name the run folder, or leave --out out for a new "
                    + "one under onrush-results/");
        }
        if (force || !Files.isDirectory(out)) {
            return;
        }
        List<String> entries;
        try (Stream<Path> list = Files.list(out)) {
            entries = list.map(p -> p.getFileName().toString()).sorted().limit(4).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("--out " + out + ": cannot list it (" + e.getMessage() + ")", e);
        }
        if (!entries.isEmpty()) {
            String status = RunFolder.unfinished(out);
            throw new IllegalArgumentException("--out " + out + " is not empty (" + String.join(", ", entries)
                    + (entries.size() == 4 ? ", ..." : "") + ")" + (status == null ? "" : "; its run is " + status)
                    + ": name a new folder, or add --force to replace the run in it");
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
