package dev.onrush.app;

import dev.onrush.core.sink.ResultJson;
import dev.onrush.spi.RunResult;
import dev.onrush.testkit.ContractRecords;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands as a user calls them, in process. */
@QuarkusMainTest
class CliTest {

    @TempDir
    Path tmp;

    @Test
    void helpListsTheCommandsAndExitCodes(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.getOutput()).contains("run", "demo", "target", "report", "Exit codes");
    }

    @Test
    void invalidPlanListsEveryProblemAndExits2WithoutStackTrace(QuarkusMainLauncher launcher) throws Exception {
        Path plan = tmp.resolve("bad.yaml");
        Files.writeString(plan, """
                name: bad
                target: {url: "ftp://nowhere", timeout: -5s}
                scenarios:
                  - name: s
                    weight: 1
                    request: {method: FETCH, path: /x}
                phases:
                  - {name: p, duration: 5s, rate: 10, userz: 4}
                criteria: ["p97 < 1s"]
                """);
        LaunchResult r = launcher.launch("run", plan.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.getErrorOutput())
                .contains("target.url", "scenarios[0].request.method", "FETCH", "phases[0].userz", "users",
                        "criteria[0]", "line ")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void missingPlanFileExits2(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("run", tmp.resolve("nope.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.getErrorOutput()).contains("nope.yaml").doesNotContain("\tat ");
    }

    @Test
    void demoRunsAgainstTheEmbeddedTargetAndWritesTheRunFolder(QuarkusMainLauncher launcher) throws Exception {
        Path out = tmp.resolve("demo-run");
        LaunchResult r = launcher.launch("demo", "--duration", "4s", "--out", out.toString());
        assertThat(r.exitCode()).as(r.getOutput() + r.getErrorOutput()).isIn(0, 4);
        assertThat(r.getOutput()).contains("verdict:", "GET /api/users", "results:", "report:");
        assertThat(out.resolve("result.json")).exists();
        assertThat(Files.readString(out.resolve("result.json"))).contains("\"schema_version\" : 1",
                "\"throughput_rps\"", "\"phases\"", "\"criteria\"");
        assertThat(out.resolve("intervals.jsonl")).exists();
        assertThat(out.resolve("latency.hlog")).exists();
        assertThat(out.resolve("report.html")).isNotEmptyFile();

        // compare: a run against itself is no regression, and the page is written; bad input exits 2
        LaunchResult same = launcher.launch("compare", out.toString(), out.toString(), "--out",
                tmp.resolve("self.html").toString());
        assertThat(same.exitCode()).as(same.getOutput() + same.getErrorOutput()).isZero();
        assertThat(same.getOutput()).contains("scope", "p95", "verdict: no regression");
        assertThat(tmp.resolve("self.html")).isNotEmptyFile();
        assertThat(launcher.launch("compare", out.toString(), tmp.resolve("absent").toString()).exitCode())
                .isEqualTo(2);
        assertThat(launcher.launch("compare", out.toString(), out.toString(), "--max-regression", "p97=1%")
                .getErrorOutput()).contains("p97=1%");

        // the report command rewrites the page from the saved files alone
        Files.delete(out.resolve("report.html"));
        LaunchResult again = launcher.launch("report", out.toString());
        assertThat(again.exitCode()).as(again.getErrorOutput()).isZero();
        assertThat(Files.readString(out.resolve("report.html"))).contains("var uPlot=function()", "GET /api/users",
                "\"spectrum\":{\"percentile\":[0.0,");

        Files.writeString(out.resolve("intervals.jsonl"), "{not json\n");
        LaunchResult corrupt = launcher.launch("report", out.toString());
        assertThat(corrupt.exitCode()).isEqualTo(2);
        assertThat(corrupt.getErrorOutput()).contains("intervals.jsonl", "line 1").doesNotContain("\tat ");

        Files.delete(out.resolve("latency.hlog"));
        Files.delete(out.resolve("result.json"));
        LaunchResult missing = launcher.launch("report", out.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.getErrorOutput()).contains("missing", "result.json").doesNotContain("\tat ");
    }

    @Test
    void unknownSinkIdExits2ListingTheIdsKnownWithThePluginsFolder(QuarkusMainLauncher launcher) throws Exception {
        Path plugins = Files.createDirectory(tmp.resolve("plugins"));
        Path plan = tmp.resolve("sinks.yaml");
        Files.writeString(plan, """
                name: with-sinks
                target: {url: "http://127.0.0.1:9"}
                scenarios:
                  - {name: s, weight: 1, request: {method: GET, path: /}}
                phases:
                  - {name: p, duration: 1s, rate: 1}
                sinks:
                  - {id: console}
                  - {id: dynamo, table: runs}
                """);
        LaunchResult r = launcher.launch("run", plan.toString(), "--plugins", plugins.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.getErrorOutput()).contains("sinks[1].id",
                "unknown sink \"dynamo\"; known: cloudwatch, console, dynamodb, hdr-log, json, s3")
                .doesNotContain("\tat ");
    }

    @Test
    void pluginsOptionThatIsNotAFolderExits2(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("demo", "--plugins", tmp.resolve("absent").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.getErrorOutput()).contains("--plugins", "absent", "is not a folder").doesNotContain("\tat ");
    }

    @Test
    void trendWithAPlanWhoseTableIsUnreachableListsTheLocalRunsAndExits3(QuarkusMainLauncher launcher)
            throws Exception {
        RunResult run = new ContractRecords().result(2);
        Path results = tmp.resolve("results");
        Files.createDirectories(results.resolve(run.testId()));
        ResultJson.write(run, results.resolve(run.testId()).resolve("result.json"));
        Path plan = tmp.resolve("trend.yaml");
        Files.writeString(plan, """
                name: %s
                target: {url: "http://127.0.0.1:9"}
                scenarios:
                  - {name: s, weight: 1, request: {method: GET, path: /}}
                phases:
                  - {name: p, duration: 1s, rate: 1}
                sinks:
                  - {id: dynamodb, endpoint: "http://127.0.0.1:%d", region: us-east-1, max_attempts: 1}
                """.formatted(run.name(), closedPort()));

        LaunchResult r = launcher.launch("trend", results.toString(), "--plan", plan.toString());

        assertThat(r.exitCode()).as(r.getOutput() + r.getErrorOutput()).isEqualTo(3);
        assertThat(r.getOutput()).contains(run.testId(), "trend:");
        assertThat(r.getErrorOutput()).contains("cannot read the DynamoDB results table", "load-test-results",
                        "Unable to execute HTTP request")
                .doesNotContain("\tat ");
    }

    @Test
    void trendWithAPlanWithoutDynamoDbOrFolderFindsNoRunsAndExits2(QuarkusMainLauncher launcher) throws Exception {
        Path plan = tmp.resolve("local.yaml");
        Files.writeString(plan, """
                name: only-local
                target: {url: "http://127.0.0.1:9"}
                scenarios:
                  - {name: s, weight: 1, request: {method: GET, path: /}}
                phases:
                  - {name: p, duration: 1s, rate: 1}
                """);

        LaunchResult r = launcher.launch("trend", "--plan", plan.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.getErrorOutput()).contains("no runs of test \"only-local\"");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
