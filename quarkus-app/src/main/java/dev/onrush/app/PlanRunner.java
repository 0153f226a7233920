package dev.onrush.app;

import dev.onrush.core.Onrush;
import dev.onrush.core.RunHandle;
import dev.onrush.core.model.LoadTest;
import dev.onrush.spi.RunResult;
import dev.onrush.core.sink.RunFolderException;
import dev.onrush.core.sink.RunStatus;
import sun.misc.Signal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one way the runner executes a plan: {@link #start} is used by {@code run}, {@code demo} and {@code serve}
 * (REST submissions and schedules alike); {@link #run} adds what a command line needs (SIGINT, SIGTERM and SIGHUP
 * turned into a clean abort, the verdict mapped to an exit code, a run folder that cannot be used or was not
 * written made an error, never a pass).
 */
public final class PlanRunner {

    private PlanRunner() {
    }

    /**
     * Starts {@code test} on {@code onrush} and returns at once.
     *
     * @throws IllegalArgumentException when the plan's sinks or probes cannot be made (a
     *                                  {@link dev.onrush.core.PluginException}); nothing has started then
     */
    public static RunHandle start(Onrush onrush, LoadTest test) {
        return onrush.start(test);
    }

    /**
     * Runs {@code test} to its end and returns the exit code: {@link ExitCodes#USAGE} when it cannot start (its
     * plugins or its run folder cannot be used; nothing was sent then), {@link ExitCodes#ERROR} when the run folder
     * was not written completely (whatever the verdict), else the verdict's code.
     *
     * @param onrush configured with the console, run folder and plugins ({@link RunOptions#onrush()})
     */
    static int run(Onrush onrush, LoadTest test) {
        RunHandle handle;
        try {
            handle = start(onrush, test);
        } catch (IllegalArgumentException e) {
            System.err.println("onrush: cannot run this plan: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (RunFolderException e) {
            System.err.println("onrush: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        // a closed terminal (HUP) must not lose the results any more than Ctrl-C (INT) or a kill (TERM)
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                Signal.handle(new Signal(name), s -> handle.abort("received SIG" + s.getName()));
            } catch (IllegalArgumentException e) {
                // the signal is not available on this platform; the default handling stays
            }
        }
        RunResult result = handle.await();
        String unwritten = unwritten(handle.outputDir());
        if (unwritten != null) {
            System.err.println("onrush: the results were not saved completely in " + handle.outputDir() + ": "
                    + unwritten + " (the verdict " + result.verdict() + " does not count; exit "
                    + ExitCodes.ERROR + ")");
            return ExitCodes.ERROR;
        }
        return result.verdict().exitCode();
    }

    /** Why the folder of a finished run is not complete, or {@code null} when it is. */
    private static String unwritten(Path dir) {
        try {
            Optional<RunStatus> status = RunStatus.read(dir);
            if (status.isEmpty()) {
                return RunStatus.FILE + " is missing";
            }
            return switch (status.get().state()) {
                case COMPLETE -> null;
                case INCOMPLETE -> status.get().detail();
                case RUNNING -> "the run's files were not finished (" + RunStatus.FILE + " still says running)";
            };
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
