package dev.onrush.core.sink;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onrush.core.Onrush;
import dev.onrush.core.internal.metrics.Histograms;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.demo.DemoTarget;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.RunResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The report of a real short run against a DemoTarget (two phases, some 500s, one criterion). */
class HtmlReportTest {

    static RunResult run;
    static Path dir;
    static String console;

    @BeforeAll
    static void runOnce() {
        ReportRun r = ReportRun.get();
        run = r.result();
        dir = r.dir();
        console = r.console();
    }

    static Path report() {
        return dir.resolve(HtmlReportSink.REPORT_FILE);
    }

    @Test
    void everyRunWritesItsReportAndTheConsoleNamesIt() {
        assertThat(report()).isRegularFile();
        assertThat(console).contains("report:  " + report().toAbsolutePath().normalize());
    }

    @Test
    void builderSwitchTurnsTheReportOff(@TempDir Path results) {
        RunResult r;
        try (DemoTarget target = new DemoTarget(DemoTarget.Options.builder().build())) {
            target.start();
            LoadTest test = LoadTest.builder("no-report").target(target.baseUrl())
                    .scenario(Scenario.of("users", 1, Step.Request.of("GET", "/api/users"), Duration.ZERO))
                    .phase("steady", Duration.ofSeconds(1), LoadShape.rate(20, 20)).build();
            r = Onrush.builder().eventLoops(1).resultsRoot(results).htmlReport(false).build().run(test);
        }

        assertThat(results.resolve(r.testId()).resolve(RunFilesSink.RESULT_FILE)).isRegularFile();
        assertThat(results.resolve(r.testId()).resolve(HtmlReportSink.REPORT_FILE)).doesNotExist();
    }

    @Test
    void reportLoadsNothingFromTheNetwork() throws Exception {
        String html = Files.readString(report());

        assertThat(html).containsPattern("<script>/\\*! https://github.com/leeoniya/uPlot \\(v1\\.6\\.30\\) \\*/\\s*"
                + "var uPlot=function\\(\\)");
        assertThat(html).doesNotContainPattern("(?i)<script[^>]*\\ssrc=")
                .doesNotContainPattern("(?i)<link[^>]*\\shref=")
                .doesNotContainPattern("(?i)@import")
                .doesNotContainPattern("(?i)url\\(\\s*['\"]?(https?:)?//");
        assertThat(html.split("</script>", -1)).hasSize(5); // the error catcher, data, uPlot, the report code
    }

    @Test
    void reportCarriesTheRunsDataAndItsLatencySpectrum() throws Exception {
        JsonNode data = embeddedData(Files.readString(report()));

        assertThat(data.at("/result/test_id").asText()).isEqualTo(run.testId());
        assertThat(data.at("/result/verdict").asText()).isEqualTo(run.verdict().name());
        assertThat(data.at("/result/criteria")).hasSize(2);
        assertThat(data.at("/result/requests").has("GET /api/users")).isTrue();
        assertThat(data.at("/result/status_codes/500").asLong()).isPositive();
        assertThat(data.at("/intervals")).hasSize(run.intervals().size());
        assertThat(data.at("/intervals/0/compressed_latency_histogram").isMissingNode()).isTrue();
        JsonNode spectrum = data.at("/spectrum");
        assertThat(spectrum.at("/count").asLong()).isEqualTo(run.latencyMs().count());
        assertThat(spectrum.at("/percentile").size()).isGreaterThan(10).isEqualTo(spectrum.at("/ms").size());
        double p50 = msAt(spectrum, 50);
        assertThat(p50).isCloseTo(run.latencyMs().p50(), org.assertj.core.data.Offset.offset(0.01 + p50 / 100));
    }

    @Test
    void runFolderReadsBackIntoTheSameRunWithItsHistograms() throws Exception {
        RunResult read = RunFolder.read(dir);

        assertThat(read.totals()).isEqualTo(run.totals());
        assertThat(read.criteria()).isEqualTo(run.criteria());
        assertThat(read.phases()).isEqualTo(run.phases());
        assertThat(read.intervals()).hasSameSizeAs(run.intervals());
        for (int i = 0; i < run.intervals().size(); i++) {
            IntervalSnapshot a = run.intervals().get(i);
            IntervalSnapshot b = read.intervals().get(i);
            assertThat(b.totals()).isEqualTo(a.totals());
            assertThat(Histograms.decompress(b.compressedLatencyHistogram()))
                    .isEqualTo(Histograms.decompress(a.compressedLatencyHistogram()));
        }
        assertThat(embeddedData(HtmlReport.render(read)).at("/spectrum"))
                .isEqualTo(embeddedData(Files.readString(report())).at("/spectrum"));
    }

    @Test
    void textThatClosesTheScriptElementStaysInsideTheData() throws Exception {
        String evil = "</script><script>alert(1)</script><!-- \u2028";
        RunResult r = ResultJsonTest.result(List.of(ResultJsonTest.interval(0)));
        RunResult named = new RunResult(r.schemaVersion(), r.testId(), evil, r.type(), r.targetUrl(), r.verdict(),
                evil, r.startedAt(), r.endedAt(), r.durationS(), r.engine(), r.totals(), r.latencyMs(),
                r.serviceTimeMs(), r.generator(), r.errorsByKind(), r.statusCodes(), r.requests(), r.phases(),
                r.criteria(), r.intervals(), r.probes(), r.analysis());

        String html = HtmlReport.render(named);

        assertThat(html).doesNotContain("<script>alert", "<!-- ");
        assertThat(html).contains("<title>Onrush report: &lt;/script&gt;&lt;script&gt;alert(1)");
        String element = html.substring(html.indexOf("id=\"onrush-data\">"));
        assertThat(element.substring(0, element.indexOf("</script>"))).doesNotContain("\u2028", "<!", "</");
        assertThat(embeddedData(html).at("/result/name").asText()).isEqualTo(evil);
        assertThat(embeddedData(html).at("/result/verdict_reason").asText()).isEqualTo(evil);
    }

    @Test
    void fillInsertsEachValueOnceWithoutReadingIt() {
        assertThat(HtmlReport.fill("a{{X}}b{{Y}}c{{Z}}", java.util.Map.of("X", "{{Y}}", "Y", "y")))
                .isEqualTo("a{{Y}}byc{{Z}}");
    }

    static JsonNode embeddedData(String html) throws Exception {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"onrush-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("the data element").isTrue();
        return ResultJson.mapper().readTree(m.group(1));
    }

    private static double msAt(JsonNode spectrum, double percentile) {
        JsonNode ps = spectrum.at("/percentile");
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i).asDouble() >= percentile) {
                return spectrum.at("/ms").get(i).asDouble();
            }
        }
        throw new AssertionError("no percentile " + percentile);
    }
}
