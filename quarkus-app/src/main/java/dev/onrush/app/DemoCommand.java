package dev.onrush.app;

import dev.onrush.core.Onrush;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.plan.PlanException;
import dev.onrush.demo.DemoTarget;
import dev.onrush.demo.LatencyModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code onrush demo}: starts the DemoTarget in this process on 127.0.0.1 and runs the example plan
 * {@code examples/demo.yaml} against it. Works offline.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the example plan (about 20 s) against an embedded demo target on 127.0.0.1.")
public class DemoCommand implements Callable<Integer> {

    static final String PLAN_RESOURCE = "/examples/demo.yaml";

    @Mixin
    RunOptions runOptions = new RunOptions();

    @Override
    public Integer call() throws IOException {
        Onrush onrush;
        try {
            onrush = runOptions.onrush();
        } catch (IllegalArgumentException e) {
            System.err.println("onrush: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        String yaml;
        try (InputStream in = DemoCommand.class.getResourceAsStream(PLAN_RESOURCE)) {
            if (in == null) {
                System.err.println("onrush demo: the example plan " + PLAN_RESOURCE + " is missing from the runner");
                return ExitCodes.ERROR;
            }
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // a target that behaves like a modest service: 2-20 ms, 0.2 % errors, 64 requests in service at once
        DemoTarget.Options targetOptions = DemoTarget.Options.builder()
                .latency(LatencyModel.logNormal(Duration.ofMillis(3), Duration.ofMillis(20)))
                .errorRate(0.002).capacity(64).build();
        try (DemoTarget target = new DemoTarget(targetOptions)) {
            target.start();
            System.out.println("demo target listening on " + target.baseUrl()
                    + " (log-normal latency, median 3 ms, p99 20 ms; 0.2 % errors; capacity 64)");
            LoadTest test;
            try {
                test = onrush.planParser().parse(yaml, "examples/demo.yaml", List.of())
                        .withTargetUrl(URI.create(target.baseUrl()));
            } catch (PlanException e) {
                System.err.println(e.getMessage());
                return ExitCodes.USAGE;
            }
            return runOptions.run(onrush, test);
        }
    }
}
