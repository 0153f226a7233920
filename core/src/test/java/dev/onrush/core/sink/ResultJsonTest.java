package dev.onrush.core.sink;

import dev.onrush.core.internal.metrics.Histograms;
import dev.onrush.spi.CriterionResult;
import dev.onrush.spi.GeneratorStats;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.LatencyStats;
import dev.onrush.spi.PhaseResult;
import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.RequestStats;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.Totals;
import dev.onrush.spi.Verdict;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResultJsonTest {

    static final LatencyStats L = new LatencyStats(10, 1.5, 1, 2, 3, 4, 5, 6);
    static final GeneratorStats G = new GeneratorStats(L, L, 0, 1);
    static final RequestStats R = new RequestStats(10, 1, 10, 5, 100, 200, L, L, Map.of("200", 9L, "500", 1L),
            Map.of("http_5xx", 1L));

    static IntervalSnapshot interval(long index) {
        Histogram h = Histograms.newTotal();
        h.recordValue(1_000_000 * (index + 1));
        return new IntervalSnapshot("t1", index, Instant.parse("2026-11-27T10:00:00Z").plusSeconds(index), 1.0,
                "steady", 3, 100, R, Map.of("GET /x", R), G, Histograms.compress(h));
    }

    static RunResult result(List<IntervalSnapshot> intervals) {
        return new RunResult(RunResult.SCHEMA_VERSION, "t1", "name", "baseline", "http://127.0.0.1:1",
                Verdict.FAILED, "p95 < 1ms broke", Instant.parse("2026-11-27T10:00:00Z"),
                Instant.parse("2026-11-27T10:00:02Z"), 2.0, new RunResult.EngineInfo("http1-lean/nio", 2, "17"),
                new Totals(10, 1, 10, 5, 100, 200, 0.0003), L, L, G, Map.of("http_5xx", 1L), Map.of("200", 9L),
                Map.of("GET /x", R), List.of(new PhaseResult("steady", "rate 100/s",
                Instant.parse("2026-11-27T10:00:00Z"), 2, 10, 1, 10, 5, L, L)),
                List.of(new CriterionResult("p95 < 1ms", "p95", "all", "<", 1, "ms", 3, false)), intervals,
                List.of(new ProbeSample("cpu", "cpu", Instant.parse("2026-11-27T10:00:01Z"), 42.5, "percent",
                        Map.of("group", "web"))),
                Map.of("spike", Map.of("recovered", true, "recovery_time_s", 3.0)));
    }

    @Test
    void resultJsonReadsBackWithoutItsIntervals() throws Exception {
        RunResult written = result(List.of(interval(0), interval(1)));

        RunResult read = ResultJson.readResult(ResultJson.toJson(written));

        assertThat(ResultJson.toJson(written)).doesNotContain("intervals");
        assertThat(read.intervals()).isEmpty();
        assertThat(read).isEqualTo(result(List.of()));
    }

    @Test
    void intervalLineReadsBackWithAnEmptyHistogram() throws Exception {
        IntervalSnapshot written = interval(1);

        IntervalSnapshot read = ResultJson.readLine(ResultJson.toLine(written));

        assertThat(ResultJson.toLine(written)).doesNotContain("compressed");
        assertThat(read.compressedLatencyHistogram()).isEmpty();
        assertThat(read.totals()).isEqualTo(written.totals());
        assertThat(read.start()).isEqualTo(written.start());
        assertThat(read.generator()).isEqualTo(written.generator());
    }
}
