package com.example.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onrush.core.Onrush;
import dev.onrush.core.model.LoadTest;
import dev.onrush.demo.DemoTarget;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user's own test does: start the demo target, run a short plan against it, look at the result. */
class EmbeddedLoadTest {

    @Test
    void runsALoadTestAgainstTheDemoTarget(@TempDir Path out) {
        try (DemoTarget target = new DemoTarget(DemoTarget.Options.defaults())) {
            target.start();
            Onrush onrush = Onrush.builder().eventLoops(1).outputDir(out).htmlReport(false).build();
            LoadTest test = onrush.planParser().parse("""
                    name: embedded
                    target: {url: "%s"}
                    scenarios:
                      - {name: users, request: {method: GET, path: /api/users}}
                    phases:
                      - {name: steady, duration: 2s, rate: 50}
                    criteria:
                      - "error_rate < 50%%"
                    """.formatted(target.baseUrl()), "embedded.yaml", List.of());

            RunResult result = onrush.run(test);

            assertThat(result.totals().requests()).isGreaterThanOrEqualTo(90);
            assertThat(result.verdict()).isIn(Verdict.PASSED, Verdict.INCONCLUSIVE);
            assertThat(target.requestsReceived()).isEqualTo(result.totals().requests());
            assertThat(out.resolve("result.json")).isNotEmptyFile();
        }
    }

    @Test
    void onrushBomAlignsJacksonCoreWithDatabind() {
        assertThat(com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString())
                .isEqualTo(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
    }

    @Test
    void runsOnTheJUnitThisProjectChose() {
        assertThat(Test.class.getPackage().getImplementationVersion()).isEqualTo("6.0.3");
    }
}
