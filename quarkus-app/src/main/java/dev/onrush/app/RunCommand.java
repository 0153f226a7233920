package dev.onrush.app;

import dev.onrush.core.Onrush;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.plan.PlanException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code onrush run PLAN}: runs a YAML or JSON plan. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a load-test plan (YAML or JSON).")
public class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file.")
    Path plan;

    @Option(names = "--target", paramLabel = "URL", description = "Replace target.url.")
    String target;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a plan key, e.g. load.max_users=10 or phases[0].duration=5s (repeatable).")
    List<String> sets = new ArrayList<>();

    @Mixin
    RunOptions options = new RunOptions();

    @Override
    public Integer call() {
        List<String> overrides = new ArrayList<>(sets);
        if (target != null) {
            overrides.add("target.url=" + target);
        }
        Onrush onrush;
        try {
            onrush = options.onrush();
        } catch (IllegalArgumentException e) {
            System.err.println("onrush: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        LoadTest test;
        try {
            test = onrush.planParser().parse(plan, overrides);
        } catch (PlanException e) {
            System.err.println(e.getMessage());
            return ExitCodes.USAGE;
        }
        return options.run(onrush, test);
    }
}
