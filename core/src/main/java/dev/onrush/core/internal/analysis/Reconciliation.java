package dev.onrush.core.internal.analysis;

import dev.onrush.spi.ProbeSample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Client-side figures set against what the load balancer saw, when the CloudWatch probe sampled its
 * {@code request_count} (Sum per period) and {@code target_response_time} (seconds) metrics: requests the client
 * completed vs the load balancer's count over the run, and the client's p95 from the intended start vs the
 * targets' response time (the gap is queueing and network in front of the targets, or the generator's own wait).
 * CloudWatch periods need not line up with the run, so the counts agree only roughly.
 */
final class Reconciliation {

    static final String REQUEST_COUNT = "request_count";
    static final String TARGET_RESPONSE_TIME = "target_response_time";

    private Reconciliation() {
    }

    /** The reconciliation, or an empty map when neither metric was sampled. */
    static Map<String, Object> of(long clientRequests, double clientP95Ms, List<ProbeSample> samples) {
        List<ProbeSample> counts = samples.stream().filter(s -> s.metric().equals(REQUEST_COUNT)).toList();
        List<ProbeSample> times = samples.stream().filter(s -> s.metric().equals(TARGET_RESPONSE_TIME)).toList();
        if (counts.isEmpty() && times.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client_requests", clientRequests);
        if (!counts.isEmpty()) {
            double lb = counts.stream().mapToDouble(ProbeSample::value).sum();
            m.put("load_balancer_requests", Spans.round(lb));
            m.put("difference_percent", Spans.round(lb == 0 ? 0 : (clientRequests - lb) / lb * 100));
        }
        if (!times.isEmpty()) {
            double targetMs = times.stream().mapToDouble(ProbeSample::value).max().orElse(0) * 1000;
            m.put("client_p95_ms", Spans.round(clientP95Ms));
            m.put("target_response_time_max_ms", Spans.round(targetMs));
            m.put("gap_ms", Spans.round(clientP95Ms - targetMs));
        }
        return m;
    }
}
