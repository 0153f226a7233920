package dev.onrush.app;

import dev.onrush.demo.DemoTarget;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The flags of {@code onrush target} as DemoTarget options (without starting it). */
class TargetCommandTest {

    private static DemoTarget.Options parse(String... args) {
        TargetCommand command = new TargetCommand();
        new CommandLine(command).parseArgs(args);
        return command.options();
    }

    @Test
    void scaleOutAndLeakFlagsMakeAScaledLeakingTarget() {
        DemoTarget.Options o = parse("--capacity", "20", "--scale-out", "20/3s", "--scale-in", "30s",
                "--leak", "1ms/s");

        assertThat(o.capacity()).isEqualTo(20);
        assertThat(o.scaleOutStep()).isEqualTo(20);
        assertThat(o.scaleOutDelay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.maxCapacity()).as("capacity + 3 steps").isEqualTo(80);
        assertThat(o.scaleInIdle()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.leakPerSecond()).isEqualTo(Duration.ofMillis(1));
        assertThat(parse("--capacity", "5", "--scale-out", "5/1s", "--max-capacity", "12").maxCapacity())
                .isEqualTo(12);
    }

    @Test
    void badScalingFlagsAreRefusedNamingTheFlag() {
        assertThatThrownBy(() -> parse("--capacity", "20", "--scale-out", "20"))
                .hasMessageContaining("--scale-out: \"20\" is not STEP/DURATION");
        assertThatThrownBy(() -> parse("--capacity", "20", "--scale-out", "x/3s"))
                .hasMessageContaining("--scale-out");
        assertThatThrownBy(() -> parse("--scale-out", "20/3s")).hasMessageContaining("limited capacity");
        assertThatThrownBy(() -> parse("--scale-in", "3s")).hasMessageContaining("need --scale-out");
        assertThatThrownBy(() -> parse("--latency-median", "3ms")).hasMessageContaining("--latency-p99");
    }
}
