package dev.onrush.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoadTestTest {

    private static final Step.Request GET_USERS = Step.Request.of("GET", "/users");
    private static final Step.Request POST_ORDER = Step.Request.of("POST", "/orders");
    private static final Duration THINK = Duration.ofMillis(750);
    private static final Scenario BROWSE = Scenario.of("browse", 3, GET_USERS, THINK);
    private static final Scenario BUY = new Scenario("buy", 1,
            List.of(GET_USERS, new Step.Think(Duration.ofSeconds(2)), POST_ORDER));

    private static LoadTest.Builder minimal() {
        return LoadTest.builder("t").target("http://localhost:8080").scenario(BROWSE)
                .phase("p", Duration.ofSeconds(10), LoadShape.rate(10, 10));
    }

    @Test
    void minimalTestBuildsWithDefaults() {
        LoadTest t = minimal().build();

        assertThat(t.type()).isEqualTo(TestType.CUSTOM);
        assertThat(t.load()).isNull();
        assertThat(t.limits()).isEqualTo(GeneratorLimits.DEFAULT);
        assertThat(t.criteria()).isEmpty();
        assertThat(t.sinks()).isEmpty();
        assertThat(t.probes()).isEmpty();
        assertThat(t.tags()).isEmpty();
    }

    @Test
    void rejectsATestWithoutScenarios() {
        assertThatThrownBy(() -> LoadTest.builder("t").target("http://h")
                .phase("p", Duration.ofSeconds(1), LoadShape.users(1, 1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scenarios: at least one");
    }

    @Test
    void rejectsScenarioWeightsSummingToZero() {
        assertThatCode(() -> minimal().scenario(Scenario.of("x", 0, POST_ORDER, null)).build())
                .as("one scenario of weight 0 beside one of weight 3 is fine").doesNotThrowAnyException();
        assertThatThrownBy(() -> LoadTest.builder("t").target("http://h")
                .scenario(Scenario.of("a", 0, GET_USERS, null)).scenario(Scenario.of("b", 0, POST_ORDER, null))
                .phase("p", Duration.ofSeconds(1), LoadShape.users(1, 1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights sum to 0");
    }

    @Test
    void rejectsDuplicateScenarioNames() {
        assertThatThrownBy(() -> minimal().scenario(Scenario.of("browse", 1, POST_ORDER, null)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scenario names must be unique")
                .hasMessageContaining("\"browse\"");
    }

    @Test
    void rejectsDuplicatePhaseNames() {
        assertThatThrownBy(() -> minimal().phase("p", Duration.ofSeconds(5), LoadShape.rate(1, 1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phase names must be unique")
                .hasMessageContaining("\"p\"");
    }

    @Test
    void rejectsCriteriaOnUnknownRequestsOrPhases() {
        assertThatThrownBy(() -> minimal().criterion(Criterion.parse("p95 < 1s").forRequest("nope")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p95 < 1s")
                .hasMessageContaining("no request is named \"nope\"")
                .hasMessageContaining("GET /users");
        assertThatThrownBy(() -> minimal().criterion(Criterion.parse("p95 < 1s").forPhase("later")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no phase is named \"later\"");
        assertThat(minimal().criterion(Criterion.parse("p95 < 1s").forPhase("p").forRequest("GET /users"))
                .build().criteria()).hasSize(1);
    }

    @Test
    void rejectsATestWithoutTarget() {
        assertThatThrownBy(() -> LoadTest.builder("t").scenario(BROWSE)
                .phase("p", Duration.ofSeconds(1), LoadShape.users(1, 1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target: required");
    }

    @Test
    void rejectsATestWithNeitherPhasesNorLoad() {
        assertThatThrownBy(() -> LoadTest.builder("t").type(TestType.BASELINE).target("http://h").scenario(BROWSE)
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phases: give phases, or load settings");
    }

    @Test
    void rejectsABlankName() {
        assertThatThrownBy(() -> minimal().name(" ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
    }

    @Test
    void loadExpandsIntoTheTypesPresetAndExplicitPhasesReplaceIt() {
        LoadSettings load = LoadSettings.users(20, Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ZERO);
        LoadTest preset = LoadTest.builder("t").type(TestType.SPIKE).target("http://h").scenario(BROWSE)
                .load(load).build();
        LoadTest explicit = preset.toBuilder().phase("only", Duration.ofSeconds(3), LoadShape.users(2, 2)).build();

        assertThat(preset.load()).isEqualTo(load);
        assertThat(preset.phases()).isEqualTo(Presets.expand(TestType.SPIKE, load));
        assertThat(explicit.load()).isNull();
        assertThat(explicit.phases()).extracting(Phase::name).containsExactly("only");
    }

    @Test
    void totalDurationIsTheSumOfThePhases() {
        LoadTest t = minimal().phase("q", Duration.ofMillis(1500), LoadShape.users(1, 1))
                .phase("r", Duration.ofMinutes(2), LoadShape.users(1, 0)).build();

        assertThat(t.totalDuration()).isEqualTo(Duration.ofMillis(10_000 + 1_500 + 120_000));
    }

    @Test
    void requestNamesAreDistinctInScenarioOrder() {
        LoadTest t = LoadTest.builder("t").target("http://h")
                .scenario(BUY)
                .scenario(BROWSE)
                .scenario(Scenario.of("delete", 1, Step.Request.of("DELETE", "/users/1"), null))
                .phase("p", Duration.ofSeconds(1), LoadShape.users(1, 1)).build();

        assertThat(t.requestNames()).containsExactly("GET /users", "POST /orders", "DELETE /users/1");
    }

    @Test
    void usesOpenModelWhenAnyPhaseIsARate() {
        LoadTest closed = LoadTest.builder("t").target("http://h").scenario(BROWSE)
                .phase("a", Duration.ofSeconds(1), LoadShape.users(1, 5)).build();
        LoadTest mixed = LoadTest.builder("t").target("http://h").scenario(BROWSE)
                .phase("a", Duration.ofSeconds(1), LoadShape.users(1, 5))
                .phase("b", Duration.ofSeconds(1), LoadShape.rate(0, 5)).build();

        assertThat(closed.usesOpenModel()).isFalse();
        assertThat(mixed.usesOpenModel()).isTrue();
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 25);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void withTotalDurationScalesEveryPhaseByOneFactorToExactlyTheTotal(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LoadTest.Builder b = LoadTest.builder("t").target("http://h").scenario(BROWSE).scenario(BUY)
                .criterion(Criterion.parse("p95 < 1s").forPhase("phase_0"));
        int n = random.nextInt(1, 8);
        for (int i = 0; i < n; i++) {
            b.phase("phase_" + i, Duration.ofMillis(random.nextLong(100, 3_600_000)), LoadShape.users(1, 1 + i));
        }
        LoadTest original = b.build();
        Duration total = Duration.ofNanos(random.nextLong(n * 10_000_000L, 4 * 3_600_000_000_000L));

        LoadTest scaled = original.withTotalDuration(total);

        String ctx = "seed " + seed + ", total " + total + ", phases " + original.phases();
        assertThat(scaled.totalDuration()).as(ctx).isEqualTo(total);
        double factor = (double) total.toNanos() / original.totalDuration().toNanos();
        for (int i = 0; i < n; i++) {
            Phase before = original.phases().get(i);
            Phase after = scaled.phases().get(i);
            assertThat(after.name()).as(ctx).isEqualTo(before.name());
            assertThat(after.shape()).as(ctx).isEqualTo(before.shape());
            assertThat((double) after.duration().toNanos()).as(ctx + ", " + before.name())
                    .isCloseTo(before.duration().toNanos() * factor, org.assertj.core.data.Offset.offset(n + 1.0));
        }
        assertThat(scaled.scenarios()).as("think times untouched").isEqualTo(original.scenarios());
        assertThat(scaled.criteria()).isEqualTo(original.criteria());
        assertThat(scaled.load()).isNull();
    }

    @Test
    void withTotalDurationRefusesATotalTooShortForItsPhases() {
        LoadTest t = LoadTest.builder("t").target("http://h").scenario(BUY)
                .phase("a", Duration.ofMinutes(10), LoadShape.rate(1, 1))
                .phase("b", Duration.ofMinutes(10), LoadShape.rate(1, 1))
                .phase("c", Duration.ofMillis(1), LoadShape.rate(1, 1)).build();
        assertThatThrownBy(() -> t.withTotalDuration(Duration.ofNanos(1_500_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too short for 3 phases");
        assertThat(t.withTotalDuration(Duration.ofSeconds(1)).totalDuration()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void withTotalDurationTurnsAPresetIntoExplicitScaledPhases() {
        LoadSettings load = LoadSettings.rate(50, Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(1));
        LoadTest preset = LoadTest.builder("t").type(TestType.BASELINE).target("http://h").scenario(BUY)
                .load(load).build();

        LoadTest scaled = preset.withTotalDuration(Duration.ofSeconds(70));

        assertThat(scaled.type()).isEqualTo(TestType.BASELINE);
        assertThat(scaled.load()).isNull();
        assertThat(scaled.phases()).extracting(Phase::name, Phase::duration).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ramp_up", Duration.ofSeconds(10)),
                org.assertj.core.groups.Tuple.tuple("steady", Duration.ofSeconds(50)),
                org.assertj.core.groups.Tuple.tuple("ramp_down", Duration.ofSeconds(10)));
        assertThat(scaled.scenarios().get(0).steps()).contains(new Step.Think(Duration.ofSeconds(2)));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void withTotalDurationRejectsTotalsThatAreNotPositive(long seconds) {
        assertThatThrownBy(() -> minimal().build().withTotalDuration(Duration.ofSeconds(seconds)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("total duration must be > 0");
    }

    @Test
    void withTargetUrlChangesOnlyTheUrl() {
        LoadTest original = minimal().target(Target.of("http://a:1/x").withMaxConnections(7)).build();

        LoadTest moved = original.withTargetUrl(URI.create("https://b/y"));

        assertThat(moved.target().url()).isEqualTo(URI.create("https://b/y"));
        assertThat(moved.target().withUrl(original.target().url())).isEqualTo(original.target());
        assertThat(moved.toBuilder().target(original.target()).build()).isEqualTo(original);
    }

    @Test
    void toBuilderRebuildsAnEqualTestFromExplicitPhases() {
        LoadTest original = LoadTest.builder("full").type(TestType.STRESS)
                .target(Target.of("https://shop.example/api").withTimeout(Duration.ofSeconds(3)))
                .scenario(BROWSE).scenario(BUY)
                .phase("warm", Duration.ofSeconds(30), LoadShape.users(0, 10))
                .phase("hold", Duration.ofMinutes(2), LoadShape.users(10, 10))
                .criterion("p99 < 800ms")
                .criterion(Criterion.parse("error_rate < 1%").forPhase("hold").abortingAfter(Duration.ofSeconds(5)))
                .sink(new PluginSpec("json", java.util.Map.of("dir", "out")))
                .probe(PluginSpec.of("autoscaling"))
                .tag("team", "shop").tag("env", "staging")
                .limits(new GeneratorLimits(Duration.ofMillis(20), 0.5))
                .build();

        assertThat(original.toBuilder().build()).isEqualTo(original);
    }

    @Test
    void toBuilderRebuildsAnEqualTestFromLoad() {
        LoadTest original = LoadTest.builder("preset").type(TestType.SCALABILITY).target("http://h")
                .scenario(BROWSE)
                .load(LoadSettings.users(40, Duration.ofMinutes(3), Duration.ofSeconds(20), Duration.ofSeconds(5)))
                .criterion(Criterion.parse("p95 < 1s").forPhase("level_50"))
                .build();

        LoadTest rebuilt = original.toBuilder().build();

        assertThat(rebuilt).isEqualTo(original);
        assertThat(rebuilt.load()).isNotNull();
    }

    @Test
    void theTestsListsAreUnmodifiableCopies() {
        List<Scenario> scenarios = new ArrayList<>(List.of(BROWSE));
        LoadTest t = new LoadTest("t", TestType.CUSTOM, Target.of("http://h"), null, scenarios,
                List.of(Phase.of("p", Duration.ofSeconds(1), LoadShape.users(1, 1))), List.of(), List.of(),
                List.of(), java.util.Map.of(), GeneratorLimits.DEFAULT);
        scenarios.add(BUY);

        assertThat(t.scenarios()).containsExactly(BROWSE);
        assertThatThrownBy(() -> t.phases().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBaselineFromLoadJudgesItsCriteriaOnTheSteadyPhaseUnlessAllIsAskedFor() {
        LoadTest.Builder b = LoadTest.builder("b").type(TestType.BASELINE).target("http://h")
                .scenario(Scenario.of("s", 1, Step.Request.of("GET", "/"), Duration.ZERO))
                .load(LoadSettings.users(10, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .criterion("p95 < 2s")
                .criterion(Criterion.parse("error_rate < 1%").forPhase(Criterion.ALL_PHASES))
                .criterion(Criterion.parse("p99 < 3s").forPhase("ramp_up"))
                .criterion("probe.cpu.max < 80");
        LoadTest t = b.build();

        assertThat(t.judgedCriteria()).extracting(Criterion::scope)
                .containsExactly("phase:steady", "all", "phase:ramp_up", "all");
        assertThat(t.criteria().get(1).phase()).as("the request is kept in the plan").isEqualTo("all");
        // explicit phases, and the types without a steady phase, judge the whole run
        LoadTest custom = LoadTest.builder("c").target("http://h")
                .scenario(Scenario.of("s", 1, Step.Request.of("GET", "/"), Duration.ZERO))
                .phase("steady", Duration.ofSeconds(5), LoadShape.users(1, 1)).criterion("p95 < 2s").build();
        assertThat(custom.judgedCriteria()).extracting(Criterion::scope).containsExactly("all");
        LoadTest spike = b.type(TestType.SPIKE).build();
        assertThat(spike.judgedCriteria().get(0).scope()).isEqualTo("all");
    }
}
