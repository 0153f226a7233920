package dev.onrush.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.onrush.core.Onrush;
import dev.onrush.core.model.HttpVersion;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.PayloadSize;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.core.model.Target;
import dev.onrush.core.model.TestType;
import dev.onrush.demo.DemoTarget;
import dev.onrush.demo.LatencyModel;
import dev.onrush.spi.RunResult;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Volume runs against a real DemoTarget on 127.0.0.1: what the target received, and the analysis. */
class VolumeRunTest {

    @TempDir
    Path results;

    private DemoTarget target;

    @AfterEach
    void stopTarget() {
        if (target != null) {
            target.close();
        }
    }

    private String start() {
        target = new DemoTarget(DemoTarget.Options.builder().latency(LatencyModel.fixed(Duration.ofMillis(1)))
                .build());
        target.start();
        return target.baseUrl();
    }

    private RunResult run(LoadTest test, long seed) {
        return Onrush.builder().eventLoops(2).seed(seed).resultsRoot(results).build().run(test);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> volume(RunResult r) {
        return (Map<String, Object>) r.analysis().get("volume");
    }

    @Test
    @SuppressWarnings("unchecked")
    void bodiesFollowTheirDistributionAndTheCounterMakesADistinctKeyPerRequest() throws Exception {
        String url = start();
        long seed = 7;
        Step.Request put = Step.Request.of("PUT", "/api/items/${counter}").withHeader("X-Id", "${uuid}")
                .withBodySize(PayloadSize.uniform(1024, 64 * 1024));
        LoadTest test = LoadTest.builder("volume-put").type(TestType.VOLUME).target(url)
                .scenario(Scenario.of("put", 1, put, Duration.ZERO))
                .phase("steady", Duration.ofSeconds(3), LoadShape.rate(200, 200)).build();

        RunResult r = run(test, seed);

        long requests = r.totals().requests();
        assertThat(r.totals().errors()).as("seed %d", seed).isZero();
        assertThat(requests).isBetween(550L, 650L);
        assertThat(target.distinctItemKeys()).as("one key per request, seed %d", seed).isEqualTo(requests);
        List<Long> sizes = target.itemBodySizes();
        assertThat(sizes).hasSize((int) requests).allMatch(s -> s >= 1024 && s <= 64 * 1024);
        // uniform over [1 KiB, 64 KiB]: the mean of ~600 draws is within 5 standard errors of the middle
        double se = (63 * 1024) / Math.sqrt(12) / Math.sqrt(requests);
        assertThat(sizes.stream().mapToLong(Long::longValue).average().orElseThrow()).as("seed %d", seed)
                .isCloseTo(33.5 * 1024 - 0.5 * 1024 + 512, within(5 * se));
        // what was counted as sent is the bodies the target read plus the heads (under 200 bytes each)
        assertThat(r.totals().bytesSent() - target.itemBodyBytes()).isBetween(100 * requests, 200 * requests);

        Map<String, Object> v = volume(r);
        assertThat(v).as("seed %d", seed).containsEntry("distinct_keys", requests);
        assertThat((List<Map<String, Object>>) v.get("keys")).extracting(k -> k.get("variable"), k -> k.get("values"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("${counter}", requests),
                        org.assertj.core.groups.Tuple.tuple("${uuid}", requests));
        List<Map<String, Object>> buckets = (List<Map<String, Object>>) v.get("buckets");
        assertThat(buckets).extracting(b -> b.get("bucket"))
                .containsExactly("1KiB-2KiB", "2KiB-4KiB", "4KiB-8KiB", "8KiB-16KiB", "16KiB-32KiB", "32KiB-64KiB");
        assertThat(buckets.stream().mapToLong(b -> (long) b.get("requests")).sum()).isEqualTo(requests);
        assertThat(Files.readString(results.resolve(r.testId()).resolve("result.json")))
                .contains("\"volume\"", "\"sent_mb_per_s\"", "\"32KiB-64KiB\"");

        // the console summary and the report show it
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        new dev.onrush.core.sink.ConsoleSink(new java.io.PrintStream(console, true,
                java.nio.charset.StandardCharsets.UTF_8), false).onComplete(r);
        assertThat(console.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("volume: sent ", " MB/s, received ", "distinct keys " + requests)
                .containsPattern("\\n  32KiB-64KiB +\\d+ +0\\.00% ");
        // last, as it is skipped without a browser (and fails in CI)
        String dom = dev.onrush.core.ChromiumPage.dom(results.resolve(r.testId()).resolve("report.html"), results);
        assertThat(dev.onrush.core.ChromiumPage.attribute(dom, "data-errors")).isEmpty();
        assertThat(dom).contains("Analysis: volume", ">32KiB-64KiB</td>", "distinct keys: ");
    }

    @Test
    @SuppressWarnings("unchecked")
    void responseSizesMakeTheirBucketsAndRatesAreBytesOverTime() {
        String url = start();
        Step.Request get = Step.Request.of("GET", "/api/bytes?size=${response_size}")
                .withResponseSize(PayloadSize.Choice.of(1000L, 100_000L));
        LoadTest test = LoadTest.builder("volume-get").type(TestType.BASELINE).target(url)
                .scenario(Scenario.of("get", 1, get, Duration.ZERO))
                .phase("steady", Duration.ofSeconds(2), LoadShape.rate(100, 100)).build();

        RunResult r = run(test, 11);

        Map<String, Object> v = volume(r);
        assertThat(v).as("a response_size makes the analysis, whatever the type").isNotNull();
        List<Map<String, Object>> buckets = (List<Map<String, Object>>) v.get("buckets");
        assertThat(buckets).extracting(b -> b.get("bucket"), b -> b.get("min_bytes"), b -> b.get("max_bytes"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("512B-1KiB", 512L, 1023L),
                        org.assertj.core.groups.Tuple.tuple("64KiB-128KiB", 65536L, 131071L));
        Map<String, Long> perBucket = buckets.stream().collect(Collectors.toMap(b -> (String) b.get("bucket"),
                b -> (long) b.get("requests")));
        assertThat(perBucket.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(r.totals().requests());
        assertThat(perBucket.get("512B-1KiB")).isBetween(50L, 150L);
        assertThat((double) buckets.get(1).get("p99_ms")).isGreaterThanOrEqualTo((double) buckets.get(1).get("p50_ms"));
        double seconds = (double) v.get("duration_s");
        assertThat((double) v.get("received_mb_per_s"))
                .isCloseTo(r.totals().bytesReceived() / 1e6 / seconds, within(0.001));
        assertThat((double) v.get("sent_mb_per_s")).isCloseTo(r.totals().bytesSent() / 1e6 / seconds, within(0.001));
        assertThat(r.totals().bytesReceived()).isGreaterThan(perBucket.get("64KiB-128KiB") * 100_000);
        assertThat(v).doesNotContainKey("keys");
    }

    @Test
    void http2SendsTemplatedPathsHeadersAndBodies() {
        String url = start();
        Step.Request put = Step.Request.of("POST", "/api/items/${random:1:1000000000}-${counter}")
                .withHeader("X-Size", "${size}").withBodySize(PayloadSize.fixed(10_000));
        LoadTest test = LoadTest.builder("volume-h2").type(TestType.VOLUME)
                .target(h2(Target.of(url)))
                .scenario(Scenario.of("post", 1, put, Duration.ZERO))
                .phase("steady", Duration.ofSeconds(2), LoadShape.rate(100, 100)).build();

        RunResult r = run(test, 3);

        assertThat(r.engine().transport()).startsWith("h2");
        assertThat(r.totals().errors()).isZero();
        assertThat(target.distinctItemKeys()).isEqualTo(r.totals().requests());
        assertThat(target.itemBodySizes()).hasSize((int) r.totals().requests()).containsOnly(10_000L);
    }

    private static Target h2(Target t) {
        return new Target(t.url(), t.timeout(), t.connectTimeout(), t.maxConnections(), t.maxQueue(),
                HttpVersion.HTTP_2, false);
    }

    @Test
    void aStaticTestRecordsNoSizesAndHasNoVolumeAnalysis() {
        String url = start();
        LoadTest test = LoadTest.builder("plain").target(URI.create(url).toString())
                .scenario(Scenario.of("users", 1, Step.Request.of("GET", "/api/users"), Duration.ZERO))
                .phase("steady", Duration.ofSeconds(1), LoadShape.rate(50, 50)).build();

        RunResult r = run(test, 1);

        assertThat(r.analysis()).doesNotContainKey("volume");
        assertThat(VolumeSetup.recordsSizes(test)).isFalse();
    }
}
