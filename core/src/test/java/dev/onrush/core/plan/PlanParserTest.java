package dev.onrush.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.onrush.core.model.Criterion;
import dev.onrush.core.model.HttpVersion;
import dev.onrush.core.model.LoadSettings;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Phase;
import dev.onrush.core.model.PluginSpec;
import dev.onrush.core.model.Presets;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.core.model.TestType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanParserTest {

    private static final Path PLANS = Path.of("src/test/resources/plans");
    private final PlanParser parser = new PlanParser(Set.of("console", "json", "hdr-log", "dynamodb"),
            Set.of("autoscaling"));

    private static final String MINIMAL = """
            name: t
            target: {url: http://localhost:8080}
            scenarios:
              - name: s
                request: {path: /x}
            phases:
              - {name: p, duration: 5s, rate: 10}
            """;

    @Test
    void fullExampleParsesIntoTheModel() {
        LoadTest t = parser.parse(PLANS.resolve("full.yaml"));

        assertThat(t.name()).isEqualTo("checkout-baseline");
        assertThat(t.type()).isEqualTo(TestType.BASELINE);
        assertThat(t.tags()).containsExactly(Map.entry("team", "shop"));
        assertThat(t.target().url()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(t.target().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.target().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(t.target().maxConnections()).isEqualTo(50);
        assertThat(t.target().maxQueue()).isEqualTo(10000);
        assertThat(t.target().httpVersion()).isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(t.target().trustAllCertificates()).isTrue();
        assertThat(t.load()).as("explicit phases replace the preset").isNull();

        assertThat(t.scenarios()).extracting(Scenario::name, Scenario::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("users", 3),
                        org.assertj.core.groups.Tuple.tuple("orders", 2));
        assertThat(t.scenarios().get(0).steps()).containsExactly(Step.Request.of("GET", "/api/users"),
                new Step.Think(Duration.ofSeconds(2)));
        Step.Request order = (Step.Request) t.scenarios().get(1).steps().get(0);
        assertThat(order.name()).isEqualTo("POST /api/orders");
        assertThat(order.method()).isEqualTo("POST");
        assertThat(order.headers()).containsExactly(Map.entry("X-Tenant", "a"));
        assertThat(order.body()).isEqualTo("{\"product_id\":123,\"quantity\":1}");
        assertThat(order.contentType()).isEqualTo("application/json");
        assertThat(t.scenarios().get(1).steps().get(1)).isEqualTo(new Step.Think(Duration.ofSeconds(3)));

        assertThat(t.phases()).containsExactly(
                Phase.of("warmup", Duration.ofSeconds(5), LoadShape.rate(100, 100)),
                Phase.of("climb", Duration.ofSeconds(30), LoadShape.rate(100, 2000)),
                Phase.of("steady", Duration.ofSeconds(60), LoadShape.users(50, 50)));

        assertThat(t.criteria()).extracting(Criterion::metric, Criterion::threshold).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Criterion.Metric.P95, 2000.0),
                org.assertj.core.groups.Tuple.tuple(Criterion.Metric.ERROR_RATE, 1.0),
                org.assertj.core.groups.Tuple.tuple(Criterion.Metric.THROUGHPUT, 50.0),
                org.assertj.core.groups.Tuple.tuple(Criterion.Metric.P95, 500.0));
        Criterion scoped = t.criteria().get(3);
        assertThat(scoped.request()).isEqualTo("GET /api/users");
        assertThat(scoped.phase()).isEqualTo("steady");
        assertThat(scoped.abortOnFail()).isTrue();
        assertThat(scoped.delay()).isEqualTo(Duration.ofSeconds(10));

        assertThat(t.sinks()).containsExactly(PluginSpec.of("json"),
                new PluginSpec("dynamodb", Map.of("region", "us-east-1", "batch", 25)));
        assertThat(t.probes()).containsExactly(
                new PluginSpec("autoscaling", Map.of("group", "web-asg", "period", "15s")));
        assertThat(t.limits().maxLagP99()).isEqualTo(Duration.ofMillis(50));
        assertThat(t.limits().maxDroppedPercent()).isEqualTo(1.0);
    }

    @Test
    void jsonPlanWithSeedCriteriaMapParses() {
        LoadTest t = parser.parse(PLANS.resolve("full.json"));

        assertThat(t.type()).isEqualTo(TestType.SPIKE);
        assertThat(t.target().httpVersion()).isEqualTo(HttpVersion.HTTP_2);
        assertThat(t.target().basePath()).isEqualTo("/base");
        LoadSettings load = LoadSettings.rate(250.5, Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ZERO);
        assertThat(t.load()).isEqualTo(load);
        assertThat(t.phases()).isEqualTo(Presets.expand(TestType.SPIKE, load));
        assertThat(t.scenarios().get(0).requests().get(0).name()).as("explicit name wins").isEqualTo("search");
        assertThat(t.scenarios().get(0).requests().get(0).method()).isEqualTo("GET");
        assertThat(t.criteria()).extracting(Criterion::expression)
                .containsExactly("p95 < 2s", "error_rate < 1%", "throughput > 50/s");
        assertThat(t.criteria()).extracting(Criterion::threshold).containsExactly(2000.0, 1.0, 50.0);
    }

    @Test
    void typeDefaultsToBaselineWithLoadAndCustomWithPhases() {
        assertThat(parser.parse(MINIMAL, "m", List.of()).type()).isEqualTo(TestType.CUSTOM);
        String withLoad = MINIMAL.replace("phases:\n  - {name: p, duration: 5s, rate: 10}\n",
                "load: {max_users: 10, duration: 1m}\n");
        LoadTest t = parser.parse(withLoad, "m", List.of());
        assertThat(t.type()).isEqualTo(TestType.BASELINE);
        assertThat(t.phases()).extracting(Phase::name).containsExactly("steady");
    }

    @Test
    void everyExamplePlanParsesWithThePluginsOnTheClassPath() throws java.io.IOException {
        PlanParser withPlugins = dev.onrush.core.Onrush.builder().build().planParser();
        try (var files = java.nio.file.Files.list(Path.of("../examples"))) {
            List<Path> plans = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertThat(plans).hasSizeGreaterThanOrEqualTo(4);
            for (Path plan : plans) {
                assertThat(withPlugins.parse(plan).name()).as(plan.toString()).isNotBlank();
            }
        }
    }

    @Test
    void examplePlansParse() {
        Path examples = Path.of("../examples");
        LoadTest demo = new PlanParser().parse(examples.resolve("demo.yaml"));
        assertThat(demo.totalDuration()).isLessThanOrEqualTo(Duration.ofSeconds(25));
        assertThat(demo.requestNames()).containsExactlyInAnyOrder("GET /api/health", "GET /api/users",
                "POST /api/orders");
        LoadTest baseline = new PlanParser().parse(examples.resolve("checkout-baseline.yaml"));
        assertThat(baseline.type()).isEqualTo(TestType.BASELINE);
        assertThat(baseline.load().maxUsers()).isEqualTo(100);
        assertThat(baseline.phases()).extracting(Phase::name).containsExactly("ramp_up", "steady", "ramp_down");
        LoadTest scalability = new PlanParser().parse(examples.resolve("scalability.yaml"));
        assertThat(scalability.phases()).extracting(Phase::name)
                .containsExactly("ramp_up", "level_25", "level_50", "level_75", "level_100");
        assertThat(scalability.probes()).extracting(p -> p.id()).containsExactly("demo-capacity");
        assertThat(new PlanParser().parse(examples.resolve("endurance.yaml")).type()).isEqualTo(TestType.ENDURANCE);
        assertThat(new PlanParser().parse(examples.resolve("spike.yaml")).phases()).extracting(Phase::name)
                .containsExactly("before_spike", "spike", "after_spike");
    }

    // --- problems -------------------------------------------------------------------------------------------

    private List<PlanException.Problem> problems(String yaml, String... overrides) {
        PlanException e = catchThrowableOfType(PlanException.class,
                () -> parser.parse(yaml, "test.yaml", List.of(overrides)));
        assertThat(e).as("expected a PlanException").isNotNull();
        return e.problems();
    }

    private void assertProblem(String yaml, String path, int line, String fragment) {
        assertThat(problems(yaml)).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains(fragment);
        });
    }

    @Test
    void unknownHttpMethodIsReportedAtItsPositionAndInTheMessage() {
        String yaml = MINIMAL.replace("request: {path: /x}", "request: {path: /x, method: FETCH}");
        PlanException e = catchThrowableOfType(PlanException.class, () -> parser.parse(yaml, "a.yaml", List.of()));
        assertThat(e.problems()).containsExactly(new PlanException.Problem("scenarios[0].request.method", 5, 33,
                "\"FETCH\" is not an HTTP method (GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE)"));
        assertThat(e.getMessage()).isEqualTo("Invalid plan a.yaml: 1 problem(s)\n"
                + "  scenarios[0].request.method: \"FETCH\" is not an HTTP method (GET, HEAD, POST, PUT, PATCH,"
                + " DELETE, OPTIONS, TRACE) (line 5, column 33)");
    }

    @Test
    void unknownKeySuggestsTheClosestAndListsTheAllowed() {
        String yaml = MINIMAL.replace("phases:\n  - {name: p, duration: 5s, rate: 10}\n",
                "load: {max_user: 10, duration: 1m}\n");
        assertProblem(yaml, "load.max_user", 6, "unknown key (did you mean \"max_users\"?); allowed: max_users, "
                + "rate, duration, ramp_up, ramp_down");
        assertProblem("nmae: x\n" + MINIMAL, "nmae", 1, "did you mean \"name\"?");
        assertThat(problems(MINIMAL + "zzzzzz: 1\n")).anySatisfy(p -> assertThat(p.message())
                .startsWith("unknown key; allowed: name, type"));
    }

    @Test
    void wrongTypesAreReported() {
        assertProblem(MINIMAL.replace("rate: 10", "rate: lots"), "phases[0].rate", 7, "expected a number");
        assertProblem(MINIMAL.replace("target: {url: http://localhost:8080}", "target: http://x"), "target", 2,
                "expected a map");
        assertProblem(MINIMAL.replace("name: t\n", "name: t\ntags: [a]\n"), "tags", 2, "expected a map");
        assertProblem(MINIMAL + "criteria: 5\n", "criteria", 8, "expected a list");
        assertProblem(MINIMAL.replace("name: s", "name: s\n    weight: heavy"), "scenarios[0].weight", 5,
                "expected a whole number");
    }

    @Test
    void nonPositiveDurationsRatesUsersAndTimeoutsAreReported() {
        assertProblem(MINIMAL.replace("duration: 5s", "duration: 0s"), "phases[0].duration", 7, "must be > 0");
        assertProblem(MINIMAL.replace("rate: 10", "rate: -5"), "phases[0].rate", 7, "must be > 0");
        assertProblem(MINIMAL.replace("rate: 10", "users: 0"), "phases[0].users", 7, "must be > 0");
        assertProblem(MINIMAL.replace("rate: 10", "rate: {from: 0, to: 0}"), "phases[0].rate", 7, "cannot both be 0");
        assertProblem(MINIMAL.replace("http://localhost:8080}", "http://localhost:8080, timeout: 0ms}"),
                "target.timeout", 2, "must be > 0");
        assertProblem(MINIMAL.replace("http://localhost:8080}", "http://localhost:8080, max_connections: 0}"),
                "target.max_connections", 2, "must be > 0");
    }

    @Test
    void badDurationTextIsReported() {
        assertProblem(MINIMAL.replace("duration: 5s", "duration: 5 minutes"), "phases[0].duration", 7,
                "\"5 minutes\" is not a duration");
    }

    @Test
    void badWeightsAreReported() {
        assertProblem(MINIMAL.replace("name: s", "name: s\n    weight: -1"), "scenarios[0].weight", 5,
                "must be >= 0");
        assertProblem(MINIMAL.replace("name: s", "name: s\n    weight: 0"), "scenarios", 4, "sum to 0");
    }

    @Test
    void badUrlsAreReported() {
        assertProblem(MINIMAL.replace("http://localhost:8080", "ftp://localhost"), "target.url", 2,
                "must start with http:// or https://");
        assertProblem(MINIMAL.replace("http://localhost:8080", "\"http://bad host\""), "target.url", 2,
                "is not a URL");
        assertProblem(MINIMAL.replace("http://localhost:8080", "\"http:///path\""), "target.url", 2, "no host");
    }

    @Test
    void phaseNeedsExactlyOneOfRateAndUsers() {
        assertProblem(MINIMAL.replace("rate: 10", "rate: 10, users: 5"), "phases[0]", 7,
                "exactly one of rate or users");
        assertProblem(MINIMAL.replace(", rate: 10", ""), "phases[0]", 7, "exactly one of rate or users");
    }

    @Test
    void missingRequiredKeysAreReported() {
        List<PlanException.Problem> problems = problems("type: baseline\n");
        assertThat(problems).extracting(PlanException.Problem::path)
                .containsExactlyInAnyOrder("name", "target", "scenarios", "phases");
        assertProblem(MINIMAL.replace("{url: http://localhost:8080}", "{timeout: 1s}"), "target.url", 2,
                "required");
    }

    @Test
    void duplicateNamesAreReported() {
        assertProblem(MINIMAL.replace("  - {name: p, duration: 5s, rate: 10}",
                "  - {name: p, duration: 5s, rate: 10}\n  - {name: p, duration: 5s, rate: 20}"),
                "phases[1].name", 8, "duplicate phase name \"p\"");
        assertProblem(MINIMAL.replace("scenarios:\n", "scenarios:\n  - {name: s, request: {path: /y}}\n"),
                "scenarios[1].name", 5, "duplicate scenario name \"s\"");
    }

    @Test
    void badCriteriaAreReported() {
        String yaml = MINIMAL + """
                criteria:
                  - "p95 <"
                  - "p42 < 1s"
                  - {expr: "p95 < 1s", request: "GET /nope"}
                  - {expr: "p95 < 1s", phase: nope}
                """;
        List<PlanException.Problem> problems = problems(yaml);
        assertThat(problems).extracting(PlanException.Problem::path, PlanException.Problem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("criteria[0]", 9),
                        org.assertj.core.groups.Tuple.tuple("criteria[1]", 10),
                        org.assertj.core.groups.Tuple.tuple("criteria[2].request", 11),
                        org.assertj.core.groups.Tuple.tuple("criteria[3].phase", 12));
        assertThat(problems.get(0).message()).contains("is not a criterion");
        assertThat(problems.get(1).message()).contains("unknown metric \"p42\"");
        assertThat(problems.get(2).message()).contains("no request is named \"GET /nope\"; known: GET /x");
        assertThat(problems.get(3).message()).contains("no phase is named \"nope\"; known: p");
    }

    @Test
    void unknownSinkAndProbeIdsListTheKnownOnes() {
        String yaml = MINIMAL + "sinks: [{id: kafka}]\nprobes: [{id: cpu}]\n";
        assertProblem(yaml, "sinks[0].id", 8, "unknown sink \"kafka\"; known: console, dynamodb, hdr-log, json");
        assertProblem(yaml, "probes[0].id", 9, "unknown probe \"cpu\"; known: autoscaling");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String yaml = """
                name: t
                target: {url: "ftp://x", timeout: soon}
                load: {max_user: 10, duration: 1m}
                scenarios:
                  - name: a
                    request: {method: FETCH, path: x}
                    weight: -2
                criteria: ["latency < 1s"]
                """;
        List<PlanException.Problem> problems = problems(yaml);
        assertThat(problems).extracting(PlanException.Problem::path).contains("target.url", "target.timeout",
                "load.max_user", "load", "scenarios[0].request.method", "scenarios[0].request.path",
                "scenarios[0].weight", "criteria[0]");
        assertThat(problems).allSatisfy(p -> assertThat(p.line()).isPositive());
    }

    @Test
    void missingFileIsOneClearProblem() {
        assertThatThrownBy(() -> parser.parse(Path.of("no/such/plan.yaml")))
                .isInstanceOf(PlanException.class)
                .hasMessage("Invalid plan no/such/plan.yaml: 1 problem(s)\n  file not found");
    }

    @Test
    void emptyPlanIsOneClearProblem() {
        assertThat(problems("  \n# nothing\n")).extracting(PlanException.Problem::message)
                .containsExactly("the plan is empty");
    }

    @Test
    void yamlSyntaxErrorNamesItsLine() {
        List<PlanException.Problem> problems = problems("name: t\ntarget: {url: x\nscenarios: []\n");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isEqualTo(3);
        assertThat(problems.get(0).message()).startsWith("YAML syntax error");
    }

    @Test
    void overridesAreAppliedBeforeMapping() {
        String yaml = MINIMAL + "criteria: [\"p95 < 2s\", \"error_rate < 1%\"]\n";
        LoadTest t = parser.parse(yaml, "o", List.of("target.url=http://other:9090/base",
                "phases[0].duration=7s", "phases[0].rate={from: 1, to: 2}", "criteria[1]=p99 < 1s",
                "target.max_connections=3", "tags.team=shop", "target.tls.trust_all=true"));
        assertThat(t.target().url()).isEqualTo(URI.create("http://other:9090/base"));
        assertThat(t.target().maxConnections()).isEqualTo(3);
        assertThat(t.target().trustAllCertificates()).isTrue();
        assertThat(t.tags()).containsEntry("team", "shop");
        assertThat(t.phases()).containsExactly(Phase.of("p", Duration.ofSeconds(7), LoadShape.rate(1, 2)));
        assertThat(t.criteria()).extracting(Criterion::expression).containsExactly("p95 < 2s", "p99 < 1s");
    }

    @Test
    void badOverridesAreProblemsNamedAfterTheirKey() {
        List<PlanException.Problem> problems = problems(MINIMAL, "phases[3].duration=1s", "no-equals-sign",
                "bad..key=1", "name.sub=1", "phases[0].rate=lots");
        assertThat(problems).extracting(PlanException.Problem::path).containsExactly("--set phases[3].duration",
                "--set no-equals-sign", "--set bad..key", "--set name.sub", "phases[0].rate");
        assertThat(problems.get(0).message()).contains("past the end of a list of 1");
        assertThat(problems.get(4).line()).as("an overridden value has no plan line").isZero();
    }
}
