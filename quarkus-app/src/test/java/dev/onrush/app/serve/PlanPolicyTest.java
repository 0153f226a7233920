package dev.onrush.app.serve;

import dev.onrush.core.Onrush;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.plan.PlanParser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanPolicyTest {

    /** Every plugin on the app's class path, as the service finds them. */
    private static final Onrush ONRUSH = Onrush.builder().build();

    private final PlanPolicy policy = new PlanPolicy(new TargetAllowList(List.of("127.0.0.1")),
            PlanPolicy.PluginKeys.of(ONRUSH), 2000, 100, 50, Duration.ofMinutes(10));

    private static LoadTest plan(String target, String phases) {
        return ONRUSH.planParser().parse("""
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

    private static LoadTest withPlugins(String section, String entries) {
        return ONRUSH.planParser().parse("""
                name: p
                target: {url: "http://127.0.0.1"}
                scenarios: [{name: s, request: {path: /}}]
                phases: [{name: a, duration: 1m, rate: 1}]
                %s: %s
                """.formatted(section, entries), "plan", List.of());
    }

    @Test
    void targetsAndPluginEndpointsOutsideTheAllowListAre403() {
        refused(() -> policy.check(plan("http://192.0.2.10", "[{name: a, duration: 1m, rate: 1}]")), 403,
                "target_not_allowed").hasMessageContaining("192.0.2.10");
        refused(() -> policy.check(withPlugins("sinks", "[{id: dynamodb, endpoint: \"http://192.0.2.99:8000\"}]")),
                403, "target_not_allowed").hasMessageContaining("sinks[0] (dynamodb).endpoint")
                .hasMessageContaining("192.0.2.99");
        refused(() -> policy.check(withPlugins("probes", "[{id: process}, {id: cloudwatch, metrics: [cpu], "
                + "endpoint: \"http://[::2]:4566\"}]")), 403, "target_not_allowed")
                .hasMessageContaining("probes[1] (cloudwatch).endpoint");
    }

    @Test
    void aProbeUrlOutsideTheAllowListIsRefusedLikeTheTarget() {
        // issue 18, item 1: the demo-capacity probe's url was not checked, so a plan could make the service
        // request any host, port, path and query
        refused(() -> policy.check(withPlugins("probes", "[{id: demo-capacity, url: "
                + "\"http://127.0.0.2:18090/latest/meta-data/iam/security-credentials?x=\"}]")), 403,
                "target_not_allowed").hasMessageContaining("probes[0] (demo-capacity).url")
                .hasMessageContaining("127.0.0.2").hasMessageContaining("[127.0.0.1]");
        refused(() -> policy.check(withPlugins("probes", "[{id: demo-capacity, url: \"127.0.0.2:18090/x\"}]")),
                403, "target_not_allowed").hasMessageContaining("probes[0] (demo-capacity).url");
        refused(() -> policy.check(withPlugins("probes", "[{id: demo-capacity, url: \"file:///etc/passwd\"}]")),
                403, "target_not_allowed").hasMessageContaining("has no host");
        assertThatCode(() -> policy.check(withPlugins("probes",
                "[{id: demo-capacity, url: \"http://127.0.0.1:18090/\"}]"))).doesNotThrowAnyException();
    }
}
