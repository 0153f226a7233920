package dev.onrush.testkit;

import dev.onrush.spi.CriterionResult;
import dev.onrush.spi.GeneratorStats;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.LatencyStats;
import dev.onrush.spi.PhaseResult;
import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.RequestStats;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.Totals;
import dev.onrush.spi.Verdict;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic SPI records for plugin tests: a 3-interval run of {@code GET /api/users} at about 200 requests per
 * second with a few 503s, a CPU probe, and a result with a passed and a failed criterion. The interval histograms
 * are real HdrHistogram compressed encodings (nanoseconds, 3 significant digits). Seeded: the same calls give the
 * same records. Not thread-safe.
 */
public final class ContractRecords {

    /** The request name the records use. */
    public static final String REQUEST = "GET /api/users";

    private final String testId;
    private final Instant start;
    private final Random random = new Random(42);

    /** Records of a run called {@code contract} that started a minute ago (to the millisecond). */
    public ContractRecords() {
        this.start = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MILLIS);
        this.testId = "20261127-120000-contract";
    }

    /** The run's id. */
    public String testId() {
        return testId;
    }

    /** The run's start. */
    public RunInfo runInfo(Path outputDir) {
        return new RunInfo(testId, "contract", "baseline", "http://127.0.0.1:8080", start, Duration.ofSeconds(3),
                List.of(new RunInfo.PhaseInfo("steady", Duration.ZERO, Duration.ofSeconds(3), "rate 200→200/s")),
                List.of(REQUEST), outputDir, Map.of("team", "contract"));
    }

    /** Interval {@code index} (0, 1, 2, ...), one second each. */
    public IntervalSnapshot interval(long index) {
        Histogram h = new Histogram(Duration.ofHours(1).toNanos(), 3);
        for (int i = 0; i < 200; i++) {
            h.recordValue(2_000_000L + (long) (random.nextDouble() * random.nextDouble() * 40_000_000L));
        }
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        RequestStats stats = stats(200, 2, latency(h), 1.0);
        return new IntervalSnapshot(testId, index, start.plusSeconds(index), 1.0, "steady", 0, 200, stats,
                Map.of(REQUEST, stats), generator(), Arrays.copyOf(buffer.array(), length));
    }

    /** A CPU sample at {@code second} seconds into the run. */
    public ProbeSample probeSample(long second) {
        return new ProbeSample("cloudwatch", "cpu", start.plusSeconds(second), 35 + random.nextDouble() * 30,
                "percent", Map.of("AutoScalingGroupName", "web"));
    }

    /** The result of the run, with {@code intervals} intervals and one probe sample a second. */
    public RunResult result(int intervals) {
        List<IntervalSnapshot> series = new ArrayList<>();
        List<ProbeSample> probes = new ArrayList<>();
        for (int i = 0; i < intervals; i++) {
            series.add(interval(i));
            probes.add(probeSample(i + 1));
        }
        LatencyStats latency = new LatencyStats(200L * intervals, 9.8, 6.1, 21.5, 27.9, 35.2, 41.0, 42.1);
        RequestStats stats = stats(200L * intervals, 2L * intervals, latency, intervals);
        return new RunResult(RunResult.SCHEMA_VERSION, testId, "contract", "baseline", "http://127.0.0.1:8080",
                Verdict.FAILED, "p95 < 25ms failed: 27.9 ms", start, start.plusSeconds(intervals), intervals,
                new RunResult.EngineInfo("http1-lean/epoll", 2, Runtime.version().toString()),
                new Totals(stats.requests(), stats.errors(), 1.0, 200, 120_000L * intervals,
                        480_000L * intervals, 0.48),
                latency, latency, generator(), Map.of("http_5xx", stats.errors()),
                Map.of("200", stats.requests() - stats.errors(), "503", stats.errors()), Map.of(REQUEST, stats),
                List.of(new PhaseResult("steady", "rate 200→200/s", start, intervals, stats.requests(),
                        stats.errors(), 1.0, 200, latency, latency)),
                List.of(new CriterionResult("p95 < 25ms", "p95", "all", "<", 25, "ms", 27.9, false),
                        new CriterionResult("error_rate < 5%", "error_rate", "all", "<", 5, "%", 1.0, true)),
                series, probes, Map.of());
    }

    private static RequestStats stats(long requests, long errors, LatencyStats latency, double seconds) {
        return new RequestStats(requests, errors, 100.0 * errors / requests, requests / seconds, requests * 600,
                requests * 2400, latency, latency, Map.of("200", requests - errors, "503", errors),
                Map.of("http_5xx", errors));
    }

    private static LatencyStats latency(Histogram h) {
        return new LatencyStats(h.getTotalCount(), h.getMean() / 1e6, h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(90) / 1e6, h.getValueAtPercentile(95) / 1e6,
                h.getValueAtPercentile(99) / 1e6, h.getValueAtPercentile(99.9) / 1e6, h.getMaxValue() / 1e6);
    }

    private static GeneratorStats generator() {
        LatencyStats lag = new LatencyStats(200, 0.05, 0.03, 0.08, 0.1, 0.4, 0.9, 1.2);
        return new GeneratorStats(lag, lag, 0, 0);
    }
}
