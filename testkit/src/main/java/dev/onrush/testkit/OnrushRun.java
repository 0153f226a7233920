package dev.onrush.testkit;

import dev.onrush.core.Onrush;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.plan.PlanParser;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.sink.ResultSink;

import java.nio.file.Path;
import java.util.List;

/** Runs a tiny real load test through {@code onrush-core} with one extra sink. */
final class OnrushRun {

    private OnrushRun() {
    }

    /** Sends about 40 requests over 2 s to {@code targetUrl} on one event loop; {@code sink} sees everything. */
    static RunResult run(String targetUrl, Path outputDir, ResultSink sink) {
        String plan = """
                name: contract
                target: {url: "%s"}
                scenarios:
                  - {name: users, weight: 1, request: {method: GET, path: /api/users}}
                phases:
                  - {name: steady, duration: 2s, rate: 20}
                """.formatted(targetUrl);
        LoadTest test = new PlanParser().parse(plan, "contract", List.of());
        return Onrush.builder().eventLoops(1).outputDir(outputDir).sink(sink).build().run(test);
    }
}
