package dev.onrush.sink.dynamodb;

import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.sink.ResultSink;
import dev.onrush.testkit.Dynalite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Runs written by the sink to dynalite come back through the reader. */
@ExtendWith(DynaliteExtension.class)
class DynamoDbResultsReaderTest {

    private static Dynalite dynalite;

    private final String results = "results-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path runDir;

    @BeforeAll
    static void server(Dynalite server) {
        dynalite = server;
    }

    @Test
    void aTestsRunsComeBackOldestFirstWithTheirFigures() throws Exception {
        Instant base = Instant.parse("2026-11-27T11:00:00Z");
        List<Instant> starts = List.of(base.plusMillis(2500), base, base.plusMillis(999), base.plusSeconds(3600));
        for (int i = 0; i < starts.size(); i++) {
            writeRun("checkout", "run-" + i, starts.get(i));
        }
        writeRun("other-test", "run-x", base);

        try (DynamoDbResultsReader reader = DynamoDbResultsReader.create(config(Map.of()))) {
            List<StoredRun> runs = reader.runsOf("checkout");

            assertThat(runs).extracting(StoredRun::testId).containsExactly("run-1", "run-2", "run-0", "run-3");
            StoredRun first = runs.get(0);
            assertThat(first.testName()).isEqualTo("checkout");
            assertThat(first.startedAt()).isEqualTo(base);
            assertThat(runs.get(1).startedAt()).isEqualTo(base.plusMillis(999));
            assertThat(first.verdict()).isEqualTo("FAILED");
            assertThat(first.p95Ms()).isCloseTo(27.9, within(1e-9));
            assertThat(first.p99Ms()).isCloseTo(35.2, within(1e-9));
            assertThat(first.throughputRps()).isCloseTo(200, within(1e-9));
            assertThat(first.errorRatePercent()).isCloseTo(1, within(1e-9));
        }
    }

    @Test
    void everyPageIsRead() throws Exception {
        Instant base = Instant.parse("2026-11-27T12:00:00Z");
        for (int i = 4; i >= 0; i--) {
            writeRun("paged", "run-" + i, base.plusSeconds(i));
        }
        DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynalite.endpoint())
                .region(Region.US_EAST_1).build();

        try (DynamoDbResultsReader reader = new DynamoDbResultsReader(client, true, results, 2)) {
            assertThat(reader.runsOf("paged")).extracting(StoredRun::testId)
                    .containsExactly("run-0", "run-1", "run-2", "run-3", "run-4");
        }
    }

    @Test
    void anUnknownTestHasNoRuns() throws Exception {
        writeRun("checkout", "run-0", Instant.parse("2026-11-27T13:00:00Z"));

        try (DynamoDbResultsReader reader = DynamoDbResultsReader.create(config(Map.of()))) {
            assertThat(reader.runsOf("never-ran")).isEmpty();
        }
    }

    @Test
    void anUnreachableEndpointFailsNamingTheTable() {
        String endpoint = "http://127.0.0.1:" + Dynalite.freePort();
        try (DynamoDbResultsReader reader = DynamoDbResultsReader.create(
                config(Map.of("endpoint", endpoint, "max_attempts", 2)))) {
            assertThatThrownBy(() -> reader.runsOf("checkout"))
                    .isInstanceOf(ResultsReadException.class)
                    .hasMessageContaining("Query on DynamoDB table " + results + " for test checkout failed after 2 "
                            + "attempts");
        }
    }

    @Test
    void aMissingTableFailsNamingIt() {
        try (DynamoDbResultsReader reader = DynamoDbResultsReader.create(config(Map.of()))) {
            assertThatThrownBy(() -> reader.runsOf("checkout"))
                    .isInstanceOf(ResultsReadException.class)
                    .hasMessageContaining("Query on DynamoDB table " + results);
        }
    }

    private PluginConfig config(Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>(Map.of("endpoint", dynalite.endpoint().toString(),
                "region", "us-east-1", "results_table", results));
        settings.putAll(overrides);
        return PluginConfig.of(DynamoDbSinkProvider.ID, settings);
    }

    private void writeRun(String name, String testId, Instant start) {
        DynamoDbSinkProvider provider = new DynamoDbSinkProvider();
        Map<String, Object> settings = new HashMap<>(config(Map.of()).settings());
        settings.put("metrics_table", "metrics-" + results);
        settings.put("create_tables", true);
        ResultSink sink = provider.create(new PluginConfig(provider.id(), settings, provider.configKeys()));
        DynamoDbSinkTest.Records run = new DynamoDbSinkTest.Records(testId, start, name);
        await(sink.onStart(run.info(runDir)));
        await(sink.onComplete(run.result(1)));
    }

    private static void await(CompletionStage<Void> stage) {
        try {
            stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
