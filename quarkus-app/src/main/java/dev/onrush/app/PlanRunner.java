package dev.onrush.app;

import dev.onrush.core.Onrush;
import dev.onrush.core.RunHandle;
import dev.onrush.core.model.LoadTest;
import dev.onrush.spi.RunResult;
import sun.misc.Signal;

import java.util.List;

/**
 * The one way the runner executes a plan: {@link #start} is used by {@code run}, {@code demo} and {@code serve}
 * (REST submissions and schedules alike); {@link #run} adds what a command line needs (SIGINT/SIGTERM turned into a
 * clean abort, the verdict mapped to an exit code).
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

    /** @param onrush configured with the console, run folder and plugins ({@link RunOptions#onrush()}) */
    static int run(Onrush onrush, LoadTest test) {
        RunHandle handle;
        try {
            handle = start(onrush, test);
        } catch (IllegalArgumentException e) {
            System.err.println("onrush: cannot run this plan: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal.handle(new Signal(name), s -> handle.abort("received SIG" + s.getName()));
            } catch (IllegalArgumentException e) {
                // the signal is not available on this platform; the default handling stays
            }
        }
        RunResult result = handle.await();
        return result.verdict().exitCode();
    }
}
