package dev.onrush.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onrush.core.model.Criterion.Metric;
import dev.onrush.core.model.Criterion.Operator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CriterionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "p50 < 500ms     | P50        | LT | 500",
            "p90 <= 1s       | P90        | LE | 1000",
            "p95 < 2s        | P95        | LT | 2000",
            "p99 > 1.5s      | P99        | GT | 1500",
            "p999 >= 250us   | P999       | GE | 0.25",
            "max < 1m        | MAX        | LT | 60000",
            "mean<=20ms      | MEAN       | LE | 20",
            "P95 < 2S        | P95        | LT | 2000",
            "error_rate < 1% | ERROR_RATE | LT | 1",
            "error_rate <= 0.5 | ERROR_RATE | LE | 0.5",
            "throughput > 50/s | THROUGHPUT | GT | 50",
            "throughput >= 12.5rps | THROUGHPUT | GE | 12.5",
            "throughput > 50 | THROUGHPUT | GT | 50"
    })
    void parsesMetricOperatorAndThresholdInTheMetricsUnit(String text, Metric metric, Operator op, double threshold) {
        Criterion c = Criterion.parse(text);

        assertThat(c.metric()).isEqualTo(metric);
        assertThat(c.operator()).isEqualTo(op);
        assertThat(c.threshold()).isCloseTo(threshold, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.expression()).isEqualTo(text.trim());
        assertThat(c.request()).isNull();
        assertThat(c.phase()).isNull();
        assertThat(c.abortOnFail()).isFalse();
        assertThat(c.delay()).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void everyMetricParsesUnderItsKey(Metric metric) {
        String bound = switch (metric.unit()) {
            case "ms" -> "3s";
            case "percent" -> "3%";
            default -> "3/s";
        };
        Criterion c = Criterion.parse(metric.key() + " < " + bound);

        assertThat(c.metric()).isEqualTo(metric);
        assertThat(c.threshold()).isEqualTo(metric.isLatency() ? 3000.0 : 3.0);
    }

    @Test
    void onlyPercentilesMeanAndMaxAreLatency() {
        assertThat(Metric.values()).filteredOn(Metric::isLatency)
                .containsExactly(Metric.P50, Metric.P90, Metric.P95, Metric.P99, Metric.P999, Metric.MAX, Metric.MEAN);
        assertThat(Metric.ERROR_RATE.unit()).isEqualTo("percent");
        assertThat(Metric.THROUGHPUT.unit()).isEqualTo("rps");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"p42 < 1s", "p99.9 < 1s", "latency < 1s", "errors < 1%"})
    void rejectsUnknownMetricsListingTheKnownOnes(String text) {
        assertThatThrownBy(() -> Criterion.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining("unknown metric")
                .hasMessageContaining("p95")
                .hasMessageContaining("throughput");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"p95 < 2", "max <= 10"})
    void rejectsLatencyBoundsWithoutAUnit(String text) {
        assertThatThrownBy(() -> Criterion.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining("needs a unit");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"p95 < 2%", "p95 < 50/s", "mean < 5rps", "max < 3 parsecs"})
    void rejectsLatencyBoundsThatAreNotDurationsNamingTheCriterion(String text) {
        assertThatThrownBy(() -> Criterion.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining("latency");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"error_rate < 1ms", "error_rate < 1/s", "error_rate < 1s"})
    void rejectsErrorRatesThatAreNotPercentages(String text) {
        assertThatThrownBy(() -> Criterion.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining("percentage");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"throughput > 50ms", "throughput > 50%", "throughput > 50/m"})
    void rejectsThroughputsThatAreNotPerSecond(String text) {
        assertThatThrownBy(() -> Criterion.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining("per second");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"p95", "p95 2s", "p95 == 2s", "p95 < -2s", "p95 < s", "p95 =< 2s"})
    void rejectsTextThatIsNotACriterionWithAnExample(String text) {
        assertThatThrownBy(() -> Criterion.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\" is not a criterion")
                .hasMessageContaining("p95 < 2s");
    }

    @Test
    void scopeNamesTheRequestAndPhaseItIsJudgedOn() {
        Criterion all = Criterion.parse("p95 < 2s");

        assertThat(all.scope()).isEqualTo("all");
        assertThat(all.forRequest("login").scope()).isEqualTo("request:login");
        assertThat(all.forPhase("steady").scope()).isEqualTo("phase:steady");
        assertThat(all.forPhase("steady").forRequest("login").scope()).isEqualTo("phase:steady/request:login");
        assertThat(all.forRequest("login").forPhase("steady").scope()).isEqualTo("phase:steady/request:login");
    }

    @Test
    void abortingAfterKeepsTheRestAndSetsTheGrace() {
        Criterion c = Criterion.parse("error_rate < 5%").forRequest("r").abortingAfter(Duration.ofSeconds(10));

        assertThat(c.abortOnFail()).isTrue();
        assertThat(c.delay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.request()).isEqualTo("r");
        assertThat(c.threshold()).isEqualTo(5.0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(doubles = {-1, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsThresholdsThatAreNegativeOrNotFinite(double threshold) {
        assertThatThrownBy(() -> new Criterion("x", Metric.P95, Operator.LT, threshold, null, null, false,
                Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold");
    }

    @ParameterizedTest(name = "{1} {0} {2} is {3}")
    @CsvSource({
            "LT, 1, 2, true", "LT, 2, 2, false", "LT, 3, 2, false",
            "LE, 1, 2, true", "LE, 2, 2, true", "LE, 3, 2, false",
            "GT, 1, 2, false", "GT, 2, 2, false", "GT, 3, 2, true",
            "GE, 1, 2, false", "GE, 2, 2, true", "GE, 3, 2, true"
    })
    void operatorHoldsComparesActualAgainstThreshold(Operator op, double actual, double threshold, boolean holds) {
        assertThat(op.holds(actual, threshold)).isEqualTo(holds);
    }

    @ParameterizedTest
    @EnumSource(Operator.class)
    void noOperatorHoldsForNaN(Operator op) {
        assertThat(op.holds(Double.NaN, 2)).isFalse();
        assertThat(op.holds(Double.NaN, 0)).isFalse();
        assertThat(op.holds(Double.NaN, Double.MAX_VALUE)).isFalse();
    }

    @Test
    void operatorsHaveTheirPlanSymbols() {
        assertThat(Operator.values()).extracting(Operator::symbol).containsExactly("<", "<=", ">", ">=");
    }

    @Test
    void probeCriteriaNameAProbeMetricAndAStatistic() {
        Criterion c = Criterion.parse("probe.cpu.max < 80");
        assertThat(c.metric()).isEqualTo(Criterion.Metric.PROBE);
        assertThat(c.probeMetric()).isEqualTo("cpu");
        assertThat(c.probeStat()).isEqualTo("max");
        assertThat(c.threshold()).isEqualTo(80.0);
        assertThat(Criterion.parse("probe.target_response_time.p95 <= 0.5").probeStat()).isEqualTo("p95");
        assertThat(Criterion.parse("p95 < 1s").probeMetric()).isNull();
        assertThatThrownBy(() -> Criterion.parse("probe.cpu < 80")).hasMessageContaining("probe.<metric>.<statistic>");
        assertThatThrownBy(() -> Criterion.parse("probe.cpu.median < 80")).hasMessageContaining("max, min, mean");
        assertThatThrownBy(() -> c.forRequest("GET /")).hasMessageContaining("whole run");
    }
}
