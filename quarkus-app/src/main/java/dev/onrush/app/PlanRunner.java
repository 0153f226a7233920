package dev.onrush.app;

import dev.onrush.core.Onrush;
import dev.onrush.core.RunHandle;
import dev.onrush.core.model.LoadTest;
import dev.onrush.spi.RunResult;
import sun.misc.Signal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a parsed plan with the console attached and SIGINT/SIGTERM turned into a clean abort, and maps the
 * verdict to an exit code. Shared by {@code run} and {@code demo}.
 */
final class PlanRunner {

    private PlanRunner() {
    }

    /**
     * @param out        console output
     * @param outDir     exact run folder, or {@code null} for {@code onrush-results/<stamp>-<name>/}
     * @param eventLoops event loops, or 0 for one per processor
     */
    static int run(LoadTest test, PrintStream out, Path outDir, int eventLoops) {
        Onrush.Builder b = Onrush.builder().console(out, System.console() != null && System.getenv("CI") == null)
                .warnings(m -> System.err.println("onrush: warning: " + m));
        if (outDir != null) {
            b.outputDir(outDir);
        }
        if (eventLoops > 0) {
            b.eventLoops(eventLoops);
        }
        RunHandle handle;
        try {
            handle = b.build().start(test);
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
