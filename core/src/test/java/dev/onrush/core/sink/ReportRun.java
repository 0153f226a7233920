package dev.onrush.core.sink;

import dev.onrush.core.Onrush;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.demo.DemoTarget;
import dev.onrush.spi.RunResult;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One real short run against a DemoTarget (two phases, about 5% 500s, one criterion that holds and one that
 * breaks), made once per test JVM and shared by the report tests. Its folder stays under
 * {@code target/report-runs/} to be looked at.
 */
record ReportRun(RunResult result, Path dir, String console) {

    private static ReportRun instance;

    static synchronized ReportRun get() {
        if (instance == null) {
            instance = run();
        }
        return instance;
    }

    Path report() {
        return dir.resolve(HtmlReportSink.REPORT_FILE);
    }

    private static ReportRun run() {
        Path root = Path.of("target", "report-runs").toAbsolutePath();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DemoTarget target = new DemoTarget(DemoTarget.Options.builder().errorRate(0.05).build())) {
            target.start();
            LoadTest test = LoadTest.builder("report-run").target(target.baseUrl())
                    .scenario(Scenario.of("users", 1, Step.Request.of("GET", "/api/users"), Duration.ZERO))
                    .phase("warmup", Duration.ofSeconds(1), LoadShape.rate(50, 200))
                    .phase("steady", Duration.ofSeconds(2), LoadShape.rate(200, 200))
                    .criterion("p95 < 2s").criterion("error_rate < 1%").build();
            RunResult r = Onrush.builder().eventLoops(1).resultsRoot(root)
                    .console(new PrintStream(out, true, StandardCharsets.UTF_8), false).build().run(test);
            return new ReportRun(r, root.resolve(r.testId()), out.toString(StandardCharsets.UTF_8));
        }
    }
}
