package dev.onrush.app.serve;

import dev.onrush.core.model.LoadTest;
import dev.onrush.core.plan.PlanParser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanPolicyTest {

    private final PlanPolicy policy = new PlanPolicy(new TargetAllowList(List.of("127.0.0.1")), 2000, 100, 50,
            Duration.ofMinutes(10));

    private static LoadTest plan(String target, String phases) {
        return new PlanParser(Set.of("console", "json", "hdr-log", "dynamodb"), Set.of("process")).parse("""
                name: p
                target: {url: "%s"}
                scenarios: [{name: s, request: {path: /}}]
                phases: %s
                """.formatted(target, phases), "plan", List.of());
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ?> refused(Runnable r, int status, String error) {
        return assertThatThrownBy(r::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.error()).isEqualTo(error);
        });
    }

    @Test
    void aPlanWithinEveryLimitPasses() {
        assertThatCode(() -> policy.check(plan("http://127.0.0.1:9", "[{name: a, duration: 5m, rate: {from: 10, to: "
                + "100}}, {name: b, duration: 5m, users: 50}]"))).doesNotThrowAnyException();
    }

    @Test
    void eachLimitIsA4xxNamingTheSettingAndBothValues() {
        refused(() -> policy.check(plan("http://127.0.0.1", "[{name: a, duration: 1m, rate: {from: 1, to: 150}}]")),
                422, "max_rate_per_sec").hasMessageContaining("150").hasMessageContaining("max-rate-per-sec=100");
        refused(() -> policy.check(plan("http://127.0.0.1", "[{name: a, duration: 1m, users: 51}]")),
                422, "max_users").hasMessageContaining("51").hasMessageContaining("max-users=50");
        refused(() -> policy.check(plan("http://127.0.0.1", "[{name: a, duration: 6m, rate: 1}, "
                + "{name: b, duration: 5m, rate: 1}]")), 422, "max_duration")
                .hasMessageContaining("11m").hasMessageContaining("max-duration=10m");
        // a stress search plans its first step at start_rate but may climb to max_rate
        LoadTest search = new PlanParser().parse("""
                name: s
                type: stress
                target: {url: "http://127.0.0.1"}
                scenarios: [{name: s, request: {path: /}}]
                stress: {start_rate: 10, step_duration: 2s, max_rate: 5000}
                """, "plan", List.of());
        refused(() -> policy.check(search), 422, "max_rate_per_sec").hasMessageContaining("5000");
        refused(() -> policy.checkSize("x".repeat(2001)), 413, "max_plan_bytes")
                .hasMessageContaining("2001").hasMessageContaining("max-plan-bytes=2000");
    }

    @Test
    void targetsAndPluginEndpointsOutsideTheAllowListAre403() {
        refused(() -> policy.check(plan("http://192.0.2.10", "[{name: a, duration: 1m, rate: 1}]")), 403,
                "target_not_allowed").hasMessageContaining("192.0.2.10");
        LoadTest withSink = new PlanParser(Set.of("console", "json", "hdr-log", "dynamodb"), Set.of("process"))
                .parse("""
                        name: p
                        target: {url: "http://127.0.0.1"}
                        scenarios: [{name: s, request: {path: /}}]
                        phases: [{name: a, duration: 1m, rate: 1}]
                        sinks: [{id: dynamodb, endpoint: "http://192.0.2.99:8000"}]
                        """, "plan", List.of());
        refused(() -> policy.check(withSink), 403, "target_not_allowed").hasMessageContaining("sinks[0].endpoint")
                .hasMessageContaining("192.0.2.99");
    }
}
