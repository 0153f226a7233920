package dev.onrush.core.plan;

import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Phase;
import dev.onrush.core.model.StressSettings;
import dev.onrush.core.model.TestType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The plan's {@code stress:} section. */
class StressPlanTest {

    private final PlanParser parser = new PlanParser();

    private static String plan(String rest) {
        return """
                name: s
                type: stress
                target: {url: http://127.0.0.1:8080}
                scenarios:
                  - {name: users, request: {path: /api/users}}
                criteria: ["p95 < 200ms"]
                """ + rest;
    }

    @Test
    void theIssuesSearchSectionParsesWithItsKeys() {
        LoadTest t = parser.parse(plan("""
                stress: {mode: search, start_rate: 200, step_duration: 5s, growth: 2.0, precision: 5%, max_rate: 50000, max_error_rate: 5%}
                """), "s.yaml", List.of());

        StressSettings s = t.stress();
        assertThat(s.mode()).isEqualTo(StressSettings.Mode.SEARCH);
        assertThat(s.startRate()).isEqualTo(200);
        assertThat(s.stepDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.growth()).isEqualTo(2.0);
        assertThat(s.precision()).isEqualTo(0.05);
        assertThat(s.maxRate()).isEqualTo(50_000);
        assertThat(s.maxErrorRatePercent()).isEqualTo(5);
        assertThat(s.cooldown()).isEqualTo(Duration.ofSeconds(1));
        assertThat(t.isStressSearch()).isTrue();
        assertThat(t.load()).isNull();
        // steps, holds and settles; the first step at start_rate
        assertThat(s.warmUp()).isEqualTo(Duration.ofSeconds(3));
        assertThat(t.phases()).hasSize(1 + 3 * s.searchSlots());
        assertThat(t.phases().subList(0, 4)).extracting(Phase::name)
                .containsExactly("warm_up", "step_1", "hold_1", "settle_1");
        assertThat(t.phases().get(1).shape().describe()).isEqualTo("rate 200/s");
        // written back and read again, it is the same test
        assertThat(parser.parse(new PlanWriter().toYaml(t), "w.yaml", List.of())).isEqualTo(t);
    }

    @Test
    void startRateAloneMeansSearchAndLoadAloneMeansTheSeedsStaircase() {
        assertThat(parser.parse(plan("stress: {start_rate: 100}\n"), "s.yaml", List.of()).isStressSearch()).isTrue();
        LoadTest steps = parser.parse(plan("load: {max_users: 20, duration: 1m}\n"), "s.yaml", List.of());
        assertThat(steps.stress()).isEqualTo(StressSettings.DEFAULT_STEPS);
        assertThat(steps.phases()).extracting(p -> p.shape().describe())
                .containsExactly("users 20", "users 25", "users 31", "users 39", "users 49");
        LoadTest custom = parser.parse(plan("""
                load: {rate: 100, duration: 10s}
                stress: {mode: steps, growth: 1.5, max_factor: 2, max_error_rate: 1%}
                """), "s.yaml", List.of());
        assertThat(custom.phases()).extracting(p -> p.shape().describe())
                .containsExactly("rate 100/s", "rate 150/s");
        assertThat(custom.stress().maxErrorRatePercent()).isEqualTo(1);
        assertThat(parser.parse(new PlanWriter().toYaml(custom), "w.yaml", List.of())).isEqualTo(custom);
    }

    @Test
    void badStressSettingsAreReportedWithTheirPath() {
        PlanException e = catchThrowableOfType(PlanException.class, () -> parser.parse(plan("""
                load: {rate: 10, duration: 10s}
                stress: {mode: search, start_rate: 100, step_duration: 1500ms, growth: 1, precision: 120%, stepduration: 3s}
                """), "s.yaml", List.of()));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("stress.stepduration", "did you mean \"step_duration\"",
                "stress.precision", "is not a percentage");
        PlanException e2 = catchThrowableOfType(PlanException.class, () -> parser.parse(plan("""
                stress: {mode: search, start_rate: 100, step_duration: 1500ms, growth: 1}
                """), "s.yaml", List.of()));
        assertThat(e2.getMessage()).contains("growth must be > 1", "step_duration must be whole seconds");
        PlanException e3 = catchThrowableOfType(PlanException.class, () -> parser.parse(plan("""
                load: {rate: 10, duration: 10s}
                stress: {mode: search, start_rate: 100}
                """), "s.yaml", List.of()));
        assertThat(e3.getMessage()).contains("load", "leave load out");
        PlanException e4 = catchThrowableOfType(PlanException.class, () -> parser.parse(plan("""
                stress: {mode: rampage}
                """), "s.yaml", List.of()));
        assertThat(e4.getMessage()).contains("stress.mode", "\"rampage\" is not a stress mode");
        PlanException e5 = catchThrowableOfType(PlanException.class, () -> parser.parse(plan("""
                stress: {mode: steps}
                """), "s.yaml", List.of()));
        assertThat(e5.getMessage()).contains("give load");
        PlanException e6 = catchThrowableOfType(PlanException.class, () -> parser.parse(plan("""
                stress: {start_rate: 10}
                """).replace("type: stress", "type: baseline"), "s.yaml", List.of()));
        assertThat(e6.getMessage()).contains("only a stress test takes stress settings");
    }

    @Test
    void aSearchHasNoTotalDurationToScale() {
        LoadTest t = LoadTest.builder("s").type(TestType.STRESS).target("http://h")
                .scenario(dev.onrush.core.model.Scenario.of("u", 1,
                        dev.onrush.core.model.Step.Request.of("GET", "/"), Duration.ZERO))
                .stress(StressSettings.search(100, 1000)).build();
        assertThatThrownBy(() -> t.withTotalDuration(Duration.ofSeconds(10)))
                .hasMessageContaining("shorten stress.step_duration");
        assertThat(t.toBuilder().build()).isEqualTo(t);
    }
}
