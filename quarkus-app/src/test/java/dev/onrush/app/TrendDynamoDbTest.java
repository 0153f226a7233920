package dev.onrush.app;

import dev.onrush.core.sink.ResultJson;
import dev.onrush.sink.dynamodb.DynamoDbSinkProvider;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.sink.ResultSink;
import dev.onrush.testkit.ContractRecords;
import dev.onrush.testkit.Dynalite;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code onrush trend --plan} against dynalite, started with testkit's {@link Dynalite} (node, a free port) from
 * sinks-dynamodb's {@code node_modules} ({@code ./mvnw verify} installs it there).
 */
@QuarkusMainTest
class TrendDynamoDbTest {

    private static Dynalite dynalite;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startDynalite() {
        dynalite = Dynalite.start(Path.of("..", "sinks-dynamodb"), "dynalite.log");
    }

    @AfterAll
    static void stopDynalite() {
        dynalite.close();
    }

    @Test
    void runsOfTheFolderAndTheTableAreListedOnceOldestFirst(QuarkusMainLauncher launcher) throws Exception {
        Map<String, Object> settings = Map.of("endpoint", dynalite.endpoint().toString(), "region", "us-east-1",
                "results_table", "trend-results", "metrics_table", "trend-metrics", "create_tables", true);
        RunResult both = new ContractRecords().result(1);
        RunResult older = withId(both, "only-in-dynamodb", Duration.ofHours(-1));
        write(settings, both);
        write(settings, older);
        Path results = tmp.resolve("results");
        Files.createDirectories(results.resolve(both.testId()));
        ResultJson.write(both, results.resolve(both.testId()).resolve("result.json"));
        Path plan = tmp.resolve("plan.yaml");
        Files.writeString(plan, """
                name: %s
                target: {url: "http://127.0.0.1:9"}
                scenarios:
                  - {name: s, weight: 1, request: {method: GET, path: /}}
                phases:
                  - {name: p, duration: 1s, rate: 1}
                sinks:
                  - {id: dynamodb, endpoint: "%s", region: us-east-1, results_table: trend-results,
                     metrics_table: trend-metrics}
                """.formatted(both.name(), dynalite.endpoint()));

        LaunchResult r = launcher.launch("trend", results.toString(), "--plan", plan.toString());

        assertThat(r.exitCode()).as(r.getOutput() + r.getErrorOutput()).isZero();
        String out = r.getOutput();
        assertThat(out.indexOf("only-in-dynamodb")).isPositive().isLessThan(out.indexOf(both.testId()));
        assertThat(out.split(both.testId(), -1)).hasSize(2);
        assertThat(out).contains("27.90", "35.20");

        LaunchResult onlyTable = launcher.launch("trend", "--plan", plan.toString(), "--out",
                tmp.resolve("t.html").toString());
        assertThat(onlyTable.exitCode()).as(onlyTable.getErrorOutput()).isZero();
        assertThat(onlyTable.getOutput()).contains("only-in-dynamodb", both.testId());
        assertThat(tmp.resolve("t.html")).isNotEmptyFile();
    }

    private void write(Map<String, Object> settings, RunResult run) {
        DynamoDbSinkProvider provider = new DynamoDbSinkProvider();
        ResultSink sink = provider.create(new PluginConfig(provider.id(), settings, provider.configKeys()));
        RunInfo info = new ContractRecords().runInfo(tmp);
        await(sink.onStart(info));
        await(sink.onComplete(run));
    }

    private static RunResult withId(RunResult r, String testId, Duration shift) {
        return new RunResult(r.schemaVersion(), testId, r.name(), r.type(), r.targetUrl(), r.verdict(),
                r.verdictReason(), r.startedAt().plus(shift), r.endedAt().plus(shift), r.durationS(), r.engine(),
                r.totals(), r.latencyMs(), r.serviceTimeMs(), r.generator(), r.errorsByKind(), r.statusCodes(),
                r.requests(), r.phases(), r.criteria(), r.intervals(), r.probes(), r.analysis());
    }

    private static void await(CompletionStage<Void> stage) {
        try {
            stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
