package dev.onrush.sink.dynamodb;

import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.sink.ResultSink;
import dev.onrush.testkit.ContractRecords;
import dev.onrush.testkit.Dynalite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writes runs to dynalite through the sink and reads them back with the queries users run. */
@ExtendWith(DynaliteExtension.class)
class DynamoDbSinkTest {

    private static Dynalite dynalite;
    private static DynamoDbClient reader;

    private final String results = "results-" + UUID.randomUUID().toString().substring(0, 8);
    private final String metrics = "metrics-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path runDir;

    @BeforeAll
    static void server(Dynalite server) {
        dynalite = server;
        reader = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1).build();
    }

    @AfterAll
    static void closeReader() {
        reader.close();
    }

    @Test
    void everyRunOfATestComesBackInTimeOrder() {
        Instant base = Instant.parse("2026-11-27T11:00:00Z");
        // written out of order; the first start has no fraction, which plain Instant.toString would sort last
        List<Instant> starts = List.of(base.plusMillis(2500), base, base.plusMillis(999), base.plusSeconds(3600));
        for (int i = 0; i < starts.size(); i++) {
            writeRun(settings(Map.of("report_url_prefix", "s3://reports/onrush/")), "checkout", "run-" + i,
                    starts.get(i), 3);
        }
        writeRun(settings(Map.of()), "other-test", "run-x", base, 3);

        List<Map<String, AttributeValue>> runs = reader.queryPaginator(b -> b.tableName(results)
                .keyConditionExpression("test_name = :n")
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromS("checkout")))).items().stream().toList();

        assertThat(runs).extracting(r -> r.get("test_id").s()).containsExactly("run-1", "run-2", "run-0", "run-3");
        Map<String, AttributeValue> first = runs.get(0);
        assertThat(first.get("started_at_test_id").s()).isEqualTo("2026-11-27T11:00:00.000Z#run-1");
        assertThat(first.get("verdict").s()).isEqualTo("FAILED");
        assertThat(first.get("requests").n()).isEqualTo("600");
        assertThat(first.get("errors").n()).isEqualTo("6");
        assertThat(first.get("error_rate_percent").n()).isEqualTo("1");
        assertThat(first.get("throughput_rps").n()).isEqualTo("200");
        assertThat(first.get("p50_ms").n()).isEqualTo("6.1");
        assertThat(first.get("p95_ms").n()).isEqualTo("27.9");
        assertThat(first.get("p99_ms").n()).isEqualTo("35.2");
        assertThat(first.get("max_ms").n()).isEqualTo("42.1");
        assertThat(first.get("criteria_passed").n()).isEqualTo("1");
        assertThat(first.get("criteria_failed").n()).isEqualTo("1");
        assertThat(first.get("criteria").l()).extracting(c -> c.m().get("expression").s())
                .containsExactly("p95 < 25ms", "error_rate < 5%");
        assertThat(first.get("report_url").s()).isEqualTo("s3://reports/onrush/run-1/");
        assertThat(first.get("tags").m().get("team").s()).isEqualTo("contract");
    }

    @Test
    void oneRunComesBackSecondBySecond() {
        writeRun(settings(Map.of()), "checkout", "run-per-second", Instant.parse("2026-11-27T12:00:00Z"), 60);

        List<Map<String, AttributeValue>> seconds = querySeconds("run-per-second");

        assertThat(seconds).hasSize(60);
        assertThat(seconds).extracting(s -> Long.parseLong(s.get("second").n()))
                .isEqualTo(java.util.stream.LongStream.range(0, 60).boxed().toList());
        Map<String, AttributeValue> tenth = seconds.get(10);
        assertThat(tenth.get("requests").n()).isEqualTo("200");
        assertThat(tenth.get("errors").n()).isEqualTo("2");
        assertThat(tenth.get("rps").n()).isEqualTo("200");
        assertThat(tenth.get("phase").s()).isEqualTo("steady");
        assertThat(tenth.get("started_at").s()).isEqualTo("2026-11-27T12:00:10.000Z");
        assertThat(Double.parseDouble(tenth.get("p95_ms").n())).isBetween(2.0, 42.0);
        assertThat(tenth).containsKeys("p50_ms", "p99_ms", "max_ms", "active_users", "target_rate_per_sec");
    }

    @Test
    void aLongRunIsWrittenInFullInBatches() {
        writeRun(settings(Map.of()), "soak", "run-long", Instant.parse("2026-11-27T13:00:00Z"), 2000);

        assertThat(querySeconds("run-long")).hasSize(2000);
    }

    @Test
    void intervalsLostBeforeTheEndAreWrittenFromTheResult() {
        ResultSink sink = sink(settings(Map.of()));
        Records run = new Records("run-gaps", Instant.parse("2026-11-27T14:00:00Z"));
        await(sink.onStart(run.info(runDir)));
        for (int i = 0; i < 30; i += 3) { // two in three calls lost (a full queue, say)
            await(sink.onInterval(run.interval(i)));
        }
        await(sink.onComplete(run.result(30)));

        assertThat(querySeconds("run-gaps")).hasSize(30);
    }

    @Test
    void throttledAndUnprocessedBatchesAreRetriedUntilWritten() throws Exception {
        for (FaultyProxy.Fault fault : FaultyProxy.Fault.values()) {
            try (FaultyProxy proxy = new FaultyProxy(dynalite.endpoint(), fault, 3)) {
                String testId = "run-" + fault.name().toLowerCase();
                writeRun(settings(Map.of("endpoint", proxy.endpoint().toString())), "faults", testId,
                        Instant.parse("2026-11-27T15:00:00Z"), 30);

                assertThat(proxy.batchWrites.get()).as("BatchWriteItem calls with %s", fault).isEqualTo(3 + 2);
                assertThat(querySeconds(testId)).as("seconds written through %s", fault).hasSize(30);
            }
        }
    }

    @Test
    void aBatchThatKeepsFailingFailsTheStageNamingTheTable() throws Exception {
        try (FaultyProxy proxy = new FaultyProxy(dynalite.endpoint(), FaultyProxy.Fault.THROTTLE, 1000)) {
            ResultSink sink = sink(settings(Map.of("endpoint", proxy.endpoint().toString(), "max_attempts", 3)));
            Records run = new Records("run-throttled", Instant.parse("2026-11-27T16:00:00Z"));
            await(sink.onStart(run.info(runDir)));

            assertThatThrownBy(() -> await(sink.onComplete(run.result(5))))
                    .hasRootCauseInstanceOf(SinkWriteException.class)
                    .rootCause().hasMessageContaining("BatchWriteItem on DynamoDB table " + metrics)
                    .hasMessageContaining("gave up after 3 attempts").hasMessageContaining("5 items unwritten")
                    .hasMessageContaining("throughput");
            assertThat(proxy.batchWrites.get()).isEqualTo(3);
        }
    }

    @Test
    void missingTablesFailTheStartNamingTheTableAndTheSetting() {
        ResultSink sink = sink(settings(Map.of("create_tables", false)));

        assertThatThrownBy(() -> await(sink.onStart(new ContractRecords().runInfo(runDir))))
                .rootCause().isInstanceOf(SinkWriteException.class)
                .hasMessageContaining("DynamoDB table " + results + " does not exist")
                .hasMessageContaining("create_tables: true");
    }

    @Test
    void everyBadKeyIsReportedAtOnceAndTheOldTimeoutNameIsStillRead() {
        DynamoDbSinkProvider provider = new DynamoDbSinkProvider();
        PluginConfig bad = new PluginConfig(provider.id(), Map.of("results_table", "x", "endpoint", "not a url",
                "max_attempts", 0, "request_timeout", "0s"), provider.configKeys());

        assertThatThrownBy(() -> provider.create(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sink dynamodb: ").hasMessageContaining("results_table:")
                .hasMessageContaining("endpoint:").hasMessageContaining("max_attempts: must be 1 to 20")
                .hasMessageContaining("request_timeout: must be positive");
        assertThat(DynamoDbSinkProvider.settings(new PluginConfig(provider.id(), Map.of("request_timeout", "3s"),
                provider.configKeys())).aws().timeout()).isEqualTo(Duration.ofSeconds(3));
    }

    private Map<String, Object> settings(Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>(Map.of("endpoint", dynalite.endpoint().toString(),
                "region", "us-east-1", "results_table", results, "metrics_table", metrics, "create_tables", true));
        settings.putAll(overrides);
        return settings;
    }

    private static ResultSink sink(Map<String, Object> settings) {
        DynamoDbSinkProvider provider = new DynamoDbSinkProvider();
        return provider.create(new PluginConfig(provider.id(), settings, provider.configKeys()));
    }

    private void writeRun(Map<String, Object> settings, String name, String testId, Instant start, int seconds) {
        ResultSink sink = sink(settings);
        Records run = new Records(testId, start, name);
        await(sink.onStart(run.info(runDir)));
        for (int i = 0; i < seconds; i++) {
            await(sink.onInterval(run.interval(i)));
        }
        await(sink.onComplete(run.result(seconds)));
    }

    private List<Map<String, AttributeValue>> querySeconds(String testId) {
        return reader.queryPaginator(b -> b.tableName(metrics).keyConditionExpression("test_id = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(testId)))).items().stream().toList();
    }

    private static void await(java.util.concurrent.CompletionStage<Void> stage) {
        try {
            stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    /** {@link ContractRecords} under another test id, name and start. */
    static final class Records {
        private final ContractRecords records = new ContractRecords();
        private final String testId;
        private final Instant start;
        private final String name;

        Records(String testId, Instant start) {
            this(testId, start, "contract");
        }

        Records(String testId, Instant start, String name) {
            this.testId = testId;
            this.start = start.truncatedTo(ChronoUnit.MILLIS);
            this.name = name;
        }

        RunInfo info(Path dir) {
            RunInfo r = records.runInfo(dir);
            return new RunInfo(testId, name, r.type(), r.targetUrl(), start, r.plannedDuration(), r.phases(),
                    r.requestNames(), dir, r.tags());
        }

        IntervalSnapshot interval(long index) {
            return moved(records.interval(index));
        }

        private IntervalSnapshot moved(IntervalSnapshot i) {
            return new IntervalSnapshot(testId, i.index(), start.plusSeconds(i.index()), i.durationS(), i.phase(),
                    i.activeUsers(), i.targetRatePerSec(), i.totals(), i.requests(), i.generator(),
                    i.compressedLatencyHistogram());
        }

        RunResult result(int intervals) {
            RunResult r = records.result(intervals);
            List<IntervalSnapshot> series = new ArrayList<>();
            r.intervals().forEach(i -> series.add(moved(i)));
            return new RunResult(r.schemaVersion(), testId, name, r.type(), r.targetUrl(), r.verdict(),
                    r.verdictReason(), start, start.plus(Duration.ofSeconds(intervals)), r.durationS(), r.engine(),
                    r.totals(), r.latencyMs(), r.serviceTimeMs(), r.generator(), r.errorsByKind(), r.statusCodes(),
                    r.requests(), r.phases(), r.criteria(), series, r.probes(), r.analysis());
        }
    }
}
