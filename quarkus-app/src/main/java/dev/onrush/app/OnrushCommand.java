package dev.onrush.app;

import dev.onrush.app.serve.ServeCommand;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** {@code onrush}: the top command; its subcommands do the work. */
@TopCommand
@Command(name = "onrush", mixinStandardHelpOptions = true, version = "onrush 0.1.0",
        description = "Load tests you can trust: honest latency (from the intended start), a fast Vert.x engine.",
        subcommands = {RunCommand.class, DemoCommand.class, TargetCommand.class, CompareCommand.class, TrendCommand.class,
            ReportCommand.class, ServeCommand.class},
        footer = {"", "Exit codes: 0 passed, 1 criteria failed, 2 invalid plan or usage, 3 error or aborted, "
                + "4 inconclusive (the generator was the bottleneck)."})
public class OnrushCommand {
}
