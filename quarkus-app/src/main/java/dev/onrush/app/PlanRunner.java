package dev.onrush.app;

import dev.onrush.core.Onrush;
import dev.onrush.core.RunHandle;
import dev.onrush.core.model.LoadTest;
import dev.onrush.spi.RunResult;
import sun.misc.Signal;

import java.util.List;

/**
 * Runs a parsed plan with the console attached and SIGINT/SIGTERM turned into a clean abort, and maps the
 * verdict to an exit code. Shared by {@code run} and {@code demo}.
 */
final class PlanRunner {

    private PlanRunner() {
    }

    /** @param onrush configured with the console, run folder and plugins ({@link RunOptions#onrush()}) */
    static int run(Onrush onrush, LoadTest test) {
        RunHandle handle;
        try {
            handle = onrush.start(test);
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
