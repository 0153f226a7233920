package dev.onrush.core.internal.analysis;

import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.TestType;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.ProbeSample;

import java.util.List;
import java.util.Map;

/** Picks the analysis of a test's type. */
public final class Analyses {

    private Analyses() {
    }

    /**
     * The {@code analysis} of a finished run: {@code {spike: …}} for spike tests, {@code {endurance: …}} for
     * endurance tests, {@code {scalability: …}} for scalability tests; empty for the other types (their analyses
     * are not built yet).
     *
     * @param heapBytes the generator's heap use sampled after each interval
     * @param probes    the run's probe samples (the scalability analysis reads the capacity from them)
     */
    public static Map<String, Object> of(LoadTest test, List<IntervalSnapshot> intervals, List<Long> heapBytes,
                                         List<ProbeSample> probes) {
        if (test.type() == TestType.SCALABILITY) {
            Map<String, Object> scalability = ScalabilityAnalysis.analyze(test.phases(), intervals, test.criteria(),
                    probes);
            return scalability.isEmpty() ? Map.of() : Map.of("scalability", scalability);
        }
        if (test.type() == TestType.SPIKE) {
            Map<String, Object> spike = SpikeAnalysis.analyze(test.phases(), intervals);
            return spike.isEmpty() ? Map.of() : Map.of("spike", spike);
        }
        if (test.type() == TestType.ENDURANCE) {
            return Map.of("endurance", EnduranceAnalysis.analyze(intervals, heapBytes));
        }
        return Map.of();
    }

    /**
     * The volume analysis: MB/s sent and received, latency by payload-size class, distinct keys (see
     * {@link VolumeAnalysis}). Added for runs that record size classes (volume tests, and any test with payload
     * sizes), whatever their type.
     *
     * @param totals       the run's totals
     * @param seconds      generation time the totals are over
     * @param sizes        the merged size classes
     * @param keyVariables the key variables' spellings, by the index they were counted under
     */
    public static Map<String, Object> volume(dev.onrush.spi.Totals totals, double seconds,
                                             dev.onrush.core.internal.metrics.SizeBucketTotals sizes,
                                             List<String> keyVariables) {
        return VolumeAnalysis.analyze(totals, seconds, sizes, keyVariables);
    }

    /**
     * Client figures against the load balancer's (CloudWatch probe metrics {@code request_count} and
     * {@code target_response_time}); empty when the run has neither.
     */
    public static Map<String, Object> reconciliation(long clientRequests, double clientP95Ms,
                                                     List<dev.onrush.spi.ProbeSample> samples) {
        return Reconciliation.of(clientRequests, clientP95Ms, samples);
    }
}
