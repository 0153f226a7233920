package dev.onrush.core.internal.analysis;

import dev.onrush.spi.ProbeSample;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationTest {

    private static ProbeSample sample(String metric, double value, int minute) {
        return new ProbeSample("cloudwatch", metric, Instant.EPOCH.plusSeconds(60L * minute), value, "", Map.of());
    }

    @Test
    void setsClientFiguresAgainstTheLoadBalancers() {
        Map<String, Object> m = Reconciliation.of(10_000, 120.0, List.of(
                sample("request_count", 6_000, 0), sample("request_count", 4_200, 1),
                sample("target_response_time", 0.050, 0), sample("target_response_time", 0.080, 1),
                sample("cpu", 70, 0)));
        assertThat(m).containsEntry("client_requests", 10_000L).containsEntry("load_balancer_requests", 10_200.0)
                .containsEntry("client_p95_ms", 120.0).containsEntry("target_response_time_max_ms", 80.0)
                .containsEntry("gap_ms", 40.0);
        assertThat((double) m.get("difference_percent")).isCloseTo(-1.961, org.assertj.core.api.Assertions.within(0.001));
    }

    @Test
    void nothingWithoutLoadBalancerMetrics() {
        assertThat(Reconciliation.of(10, 1, List.of(sample("cpu", 70, 0)))).isEmpty();
    }
}
