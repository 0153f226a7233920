package dev.onrush.core.compare;

import dev.onrush.core.ChromiumPage;
import dev.onrush.core.Onrush;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.core.sink.RunFolder;
import dev.onrush.demo.DemoTarget;
import dev.onrush.demo.LatencyModel;
import dev.onrush.spi.RunResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real runs against DemoTarget: a rerun against the same target is no regression, a run against a target made
 * slower is one; the page renders in headless Chromium ({@link ChromiumPage}).
 */
class RunComparisonTest {

    @TempDir
    static Path results;

    private static RunResult baseline;
    private static RunResult rerun;
    private static RunResult slower;

    @BeforeAll
    static void runThreeTimes() throws Exception {
        // The target's service time is large beside what a busy machine adds to a request: a rerun regresses
        // only if the machine shifts p50/p90/p95 by more than 15 % of 40 ms (6 ms), where with 5 ms the 1 ms
        // floor was all the room it had. The slower target adds 60 ms, far past every limit.
        runAgainst(BASE); // JIT warm-up: a cold first run has a slow tail of its own
        baseline = runAgainst(BASE);
        rerun = runAgainst(BASE);
        slower = runAgainst(BASE.plus(SLOWER_BY));
    }

    private static final Duration BASE = Duration.ofMillis(40);
    private static final Duration SLOWER_BY = Duration.ofMillis(60);

    private static RunResult runAgainst(Duration latency) throws Exception {
        try (DemoTarget target = new DemoTarget(DemoTarget.Options.builder()
                .latency(LatencyModel.fixed(latency)).build())) {
            target.start();
            LoadTest test = LoadTest.builder("compare").target(target.baseUrl())
                    .scenario(Scenario.of("users", 1, Step.Request.of("GET", "/api/users"), Duration.ZERO))
                    .phase("steady", Duration.ofSeconds(3), LoadShape.rate(100, 100)).build();
            RunResult r = Onrush.builder().eventLoops(1).resultsRoot(results).build().run(test);
            // compare what the CLI compares: the run read back from its folder
            return RunFolder.read(results.resolve(r.testId()));
        }
    }

    @Test
    void aPercentileWithTooFewRequestsBeyondItIsNotJudged() {
        // 300 requests a run: 3 beyond p99, so p99 and p999 carry no limit; p95 (15 beyond) does
        RunComparison.Result r = RunComparison.compare(baseline, slower, RegressionLimits.DEFAULT);
        assertThat(r.rows()).filteredOn(row -> row.scope().equals("ALL") && row.metric().equals("p99"))
                .singleElement().satisfies(row -> {
                    assertThat(row.limit()).isNaN();
                    assertThat(row.regressed()).isFalse();
                });
        assertThat(r.rows()).filteredOn(row -> row.scope().equals("ALL") && row.metric().equals("p95"))
                .singleElement().satisfies(row -> assertThat(row.limit()).isEqualTo(15.0));
    }

    @Test
    void aRerunAgainstTheSameTargetIsNoRegression() {
        RunComparison.Result r = RunComparison.compare(baseline, rerun, RegressionLimits.DEFAULT);
        assertThat(r.regressed()).as(RunComparison.table(r)).isFalse();
        assertThat(r.rows()).extracting(RunComparison.Row::scope).contains("ALL", "GET /api/users");
        assertThat(r.baseline().ms()).hasSize(41);
    }

    @Test
    void aSlowerTargetIsARegressionOnTheWholeDistribution() {
        RunComparison.Result r = RunComparison.compare(baseline, slower, RegressionLimits.DEFAULT);
        assertThat(r.regressed()).isTrue();
        assertThat(r.rows()).filteredOn(row -> row.scope().equals("ALL") && row.regressed())
                .extracting(RunComparison.Row::metric).contains("p50", "p90");
        assertThat(RunComparison.table(r)).contains("REGRESSION", "verdict: REGRESSION");
        // the other way round it is an improvement, not a regression
        assertThat(RunComparison.compare(slower, baseline, RegressionLimits.DEFAULT).regressed()).isFalse();
    }

    @Test
    void theAbsoluteFloorKeepsSmallShiftsFromFailing() {
        // the slower run is 60 ms slower: a floor of 100 ms lets that pass
        RegressionLimits lenient = RegressionLimits.parse("min_ms=100");
        assertThat(RunComparison.compare(baseline, slower, lenient).regressed()).isFalse();
    }

    @Test
    void thePageOverlaysBothSpectraAndRendersOffline() throws Exception {
        Path page = results.resolve("compare.html");
        CompareReport.write(RunComparison.compare(baseline, slower, RegressionLimits.DEFAULT), page);
        String html = Files.readString(page);
        assertThat(html).contains("uPlot", "baseline_id")
                .doesNotContain("src=\"http", "href=\"http");
        String dom = renderInChromium(page); // skipped without a browser (fails in CI); the rest still ran
        assertThat(attribute(dom, "data-done")).isEqualTo("true");
        assertThat(attribute(dom, "data-errors")).isEmpty();
        assertThat(attribute(dom, "data-charts")).isEqualTo("1");
    }

    @Test
    void theTrendListsTheRunsOfATestOldestFirstAndRenders() throws Exception {
        Path broken = Files.createDirectories(results.resolve("zz-broken"));
        Files.writeString(broken.resolve("result.json"), "{not json");
        java.util.List<String> skipped = new java.util.ArrayList<>();

        java.util.List<RunTrend.Point> points = RunTrend.read(results, "compare", skipped);

        assertThat(points).hasSize(4);
        assertThat(points).isSortedAccordingTo(java.util.Comparator.comparing(RunTrend.Point::startedAt));
        assertThat(points.get(3).p95Ms()).isGreaterThan(points.get(1).p95Ms());
        assertThat(skipped).singleElement().asString().contains("zz-broken");
        assertThat(RunTrend.read(results, "other", new java.util.ArrayList<>())).isEmpty();
        assertThat(RunTrend.table(points)).contains(points.get(0).testId(), "p95 ms");

        Path page = results.resolve("trend.html");
        RunTrend.write(points, "compare", page);
        assertThat(Files.readString(page)).contains("uPlot", points.get(2).testId())
                .doesNotContain("src=\"http", "href=\"http");
        String dom = renderInChromium(page); // skipped without a browser (fails in CI); the rest still ran
        assertThat(attribute(dom, "data-errors")).isEmpty();
        assertThat(attribute(dom, "data-charts")).isEqualTo("3");
    }

    private static String renderInChromium(Path page) throws Exception {
        ChromiumPage.screenshot(page, Path.of("target", page.getFileName().toString().replace(".html", ".png")),
                results);
        return ChromiumPage.dom(page, results);
    }

    private static String attribute(String dom, String name) {
        return ChromiumPage.attribute(dom, name);
    }
}
