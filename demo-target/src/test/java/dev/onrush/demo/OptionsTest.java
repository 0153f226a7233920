package dev.onrush.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onrush.demo.DemoTarget.Options;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsAreLoopbackEphemeralOneLoopAndNoInterference() {
        Options options = Options.defaults();

        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isZero();
        assertThat(options.eventLoops()).isEqualTo(1);
        assertThat(options.baseLatency()).isZero();
        assertThat(options.latency()).isEqualTo(LatencyModel.NONE);
        assertThat(options.errorRate()).isZero();
        assertThat(options.capacity()).isZero();
        assertThat(options.stallDuration()).isZero();
        assertThat(options.scales()).isFalse();
        assertThat(options.scaleInIdle()).isZero();
        assertThat(options.leakPerSecond()).isZero();
    }

    @Test
    void newBuilderCopiesEveryField() {
        Options options = Options.builder().host("0.0.0.0").port(8080).eventLoops(2)
                .baseLatency(Duration.ofMillis(3)).latency(LatencyModel.exponential(Duration.ofMillis(4)))
                .errorRate(0.1).capacity(5).stalls(Duration.ofMillis(6), Duration.ofMillis(70))
                .scaleOut(2, Duration.ofSeconds(3), 11).scaleIn(Duration.ofSeconds(9))
                .leak(Duration.ofMillis(1)).seed(8).build();

        assertThat(options.newBuilder().build()).isEqualTo(options);
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> Options.builder().host(" ").port(70_000).eventLoops(0)
                .baseLatency(Duration.ofMillis(-1)).latency(null).errorRate(Double.NaN).capacity(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("host:", "port:", "eventLoops:", "baseLatency:", "latency:",
                        "errorRate:", "capacity:");
    }

    @Test
    void stallPeriodMustExceedStallDuration() {
        assertThatThrownBy(() -> Options.builder().stalls(Duration.ofSeconds(2), Duration.ofSeconds(2)).build())
                .hasMessageContaining("stallPeriod:");
        assertThat(Options.builder().stalls(Duration.ZERO, Duration.ZERO).build().stallDuration()).isZero();
    }

    @Test
    void scalingNeedsALimitedCapacityAPositiveDelayAndRoomToGrow() {
        assertThatThrownBy(() -> Options.builder().scaleOut(2, Duration.ZERO, 0).build())
                .hasMessageContainingAll("scaleOutStep: scaling needs a limited capacity", "scaleOutDelay:");
        assertThatThrownBy(() -> Options.builder().capacity(4).scaleOut(2, Duration.ofSeconds(1), 4).build())
                .hasMessageContaining("maxCapacity: 4 must be greater than capacity 4");
        assertThatThrownBy(() -> Options.builder().scaleOut(-1, Duration.ofSeconds(1), -2)
                .scaleIn(Duration.ofMillis(-1)).leak(Duration.ofMillis(-1)).build())
                .hasMessageContainingAll("scaleOutStep:", "maxCapacity:", "scaleInIdle:", "leakPerSecond:");
        assertThat(Options.builder().capacity(4).scaleOut(2, Duration.ofSeconds(1), 5).build().scales()).isTrue();
    }
}
