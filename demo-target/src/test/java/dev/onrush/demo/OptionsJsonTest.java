package dev.onrush.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onrush.demo.DemoTarget.Options;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsJsonTest {

    @Test
    void parsesHumanDurationsAndMilliseconds() {
        assertThat(OptionsJson.parseDuration("f", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(OptionsJson.parseDuration("f", "2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(OptionsJson.parseDuration("f", "1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(OptionsJson.parseDuration("f", "1.5s")).isEqualTo(Duration.ofMillis(1_500));
        assertThat(OptionsJson.parseDuration("f", 40)).isEqualTo(Duration.ofMillis(40));
        assertThat(OptionsJson.parseDuration("f", 0.5)).isEqualTo(Duration.ofNanos(500_000));
    }

    @Test
    void rejectsMalformedDurationsNamingTheField() {
        assertThatThrownBy(() -> OptionsJson.parseDuration("base_latency", "5 hours"))
                .hasMessageStartingWith("base_latency: \"5 hours\"");
        assertThatThrownBy(() -> OptionsJson.parseDuration("base_latency", -3))
                .hasMessageContaining("negative");
    }

    @Test
    void jsonOfOptionsAppliesBackToTheSameOptions() {
        Options options = Options.builder().baseLatency(Duration.ofNanos(1_500_000))
                .latency(LatencyModel.logNormal(Duration.ofMillis(10), Duration.ofMillis(90)))
                .errorRate(0.25).capacity(7).stalls(Duration.ofMillis(500), Duration.ofSeconds(2))
                .scaleOut(7, Duration.ofSeconds(3), 28).scaleIn(Duration.ofSeconds(10))
                .leak(Duration.ofNanos(500_000)).build();

        JsonObject json = OptionsJson.toJson(options);

        assertThat(json.getString("base_latency")).isEqualTo("1.5ms");
        assertThat(OptionsJson.apply(Options.defaults(), json)).isEqualTo(options);
    }

    @Test
    void appliesStallsGivenInEitherOrder() {
        Options updated = OptionsJson.apply(Options.defaults(),
                new JsonObject().put("stall_period", "2s").put("stall_duration", "500ms"));

        assertThat(updated.stallDuration()).isEqualTo(Duration.ofMillis(500));
        assertThat(updated.stallPeriod()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void rejectsUnknownLatencyTypes() {
        JsonObject patch = new JsonObject().put("latency", new JsonObject().put("type", "gamma"));

        assertThatThrownBy(() -> OptionsJson.apply(Options.defaults(), patch))
                .hasMessageContaining("latency.type: \"gamma\"");
    }

    @Test
    void appliesScalingAndLeakAndReportsTheirProblemsInJsonNames() {
        Options base = Options.builder().capacity(10).build();

        Options scaled = OptionsJson.apply(base, new JsonObject().put("scale_out_step", 5)
                .put("scale_out_delay", "3s").put("max_capacity", 30).put("scale_in_idle", "20s")
                .put("leak_per_second", "1ms"));

        assertThat(scaled.scaleOutStep()).isEqualTo(5);
        assertThat(scaled.scaleOutDelay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(scaled.maxCapacity()).isEqualTo(30);
        assertThat(scaled.scaleInIdle()).isEqualTo(Duration.ofSeconds(20));
        assertThat(scaled.leakPerSecond()).isEqualTo(Duration.ofMillis(1));
        assertThatThrownBy(() -> OptionsJson.apply(base, new JsonObject().put("scale_out_step", 5)
                .put("max_capacity", 10)))
                .hasMessageContainingAll("max_capacity: 10 must be greater than capacity 10", "scale_out_delay:");
    }
}
