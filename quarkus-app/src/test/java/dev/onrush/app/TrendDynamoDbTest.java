package dev.onrush.app;

import dev.onrush.core.sink.ResultJson;
import dev.onrush.sink.dynamodb.DynamoDbSinkProvider;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.sink.ResultSink;
import dev.onrush.testkit.ContractRecords;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code onrush trend --plan} against dynalite, started as the sinks-dynamodb tests start it (node, a free port) from
 * that module's {@code node_modules} (CI's {@code .ci/run} installs it there).
 */
@QuarkusMainTest
class TrendDynamoDbTest {

    private static final Path DYNALITE = Path.of("..", "sinks-dynamodb", "node_modules", "dynalite", "cli.js");

    private static Process dynalite;
    private static int port;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startDynalite() throws Exception {
        if (!Files.isRegularFile(DYNALITE)) {
            throw new IllegalStateException("dynalite is not installed: run `npm install --no-save dynalite@4.0.0` "
                    + "in sinks-dynamodb (CI's .ci/run does)");
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = Files.createDirectories(Path.of("target")).resolve("dynalite.log");
        dynalite = new ProcessBuilder("node", DYNALITE.toString(), "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--createTableMs", "50").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!dynalite.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("dynalite did not start: " + Files.readString(log));
                }
                Thread.sleep(50);
            }
        }
    }

    @AfterAll
    static void stopDynalite() throws InterruptedException {
        dynalite.destroy();
        if (!dynalite.waitFor(5, TimeUnit.SECONDS)) {
            dynalite.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void runsOfTheFolderAndTheTableAreListedOnceOldestFirst(QuarkusMainLauncher launcher) throws Exception {
        Map<String, Object> settings = Map.of("endpoint", "http://127.0.0.1:" + port, "region", "us-east-1",
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
                  - {id: dynamodb, endpoint: "http://127.0.0.1:%d", region: us-east-1, results_table: trend-results,
                     metrics_table: trend-metrics}
                """.formatted(both.name(), port));

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
