package dev.onrush.core.compare;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegressionLimitsTest {

    @Test
    void overridesTheDefaultsPartByPart() {
        RegressionLimits l = RegressionLimits.parse("p95=10%, error_rate=0.2pp,throughput=5%,min_ms=2,p999=50");
        assertThat(l.latencyPercent()).containsEntry("p95", 10.0).containsEntry("p50", 15.0)
                .containsEntry("p999", 50.0);
        assertThat(l.errorRatePoints()).isEqualTo(0.2);
        assertThat(l.throughputDropPercent()).isEqualTo(5.0);
        assertThat(l.minDeltaMs()).isEqualTo(2.0);
        assertThat(RegressionLimits.parse(null)).isEqualTo(RegressionLimits.DEFAULT);
    }

    @Test
    void listsEveryPartItCannotRead() {
        assertThatThrownBy(() -> RegressionLimits.parse("p97=10%,error_rate=lots,p95=5%"))
                .hasMessageContaining("\"p97=10%\": unknown metric")
                .hasMessageContaining("\"error_rate=lots\": not a number");
    }
}
