package dev.onrush.sink.cloudwatch;

import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.RequestStats;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DataFormatException;

/**
 * Turns one interval into CloudWatch metric data. Series: all requests (dimensions {@code TestId}, {@code TestName})
 * and one per request name (plus {@code Request}). Each series has {@code RequestCount}, {@code ErrorCount},
 * {@code ErrorRate} (Percent) and {@code Throughput} (Count/Second); the all-requests series adds
 * {@code ActiveUsers}, {@code ArrivalRate} and {@code Latency} as a distribution (values/counts in milliseconds from
 * the interval's HdrHistogram, at most {@value #MAX_VALUES_PER_DATUM} distinct values per datum, so CloudWatch
 * computes exact-bucket percentiles); per-request series add {@code LatencyP50}, {@code LatencyP95},
 * {@code LatencyP99} (Milliseconds, the interval's own percentiles: the snapshot holds no per-request histogram).
 * Stateless, thread-safe.
 */
final class IntervalMetrics {

    /** CloudWatch's limit on values (and counts) in one datum. */
    static final int MAX_VALUES_PER_DATUM = 150;

    private static final double NANOS_PER_MS = 1e6;

    private final int storageResolution;

    /** @param storageResolution 1 (high resolution) or 60 seconds */
    IntervalMetrics(int storageResolution) {
        this.storageResolution = storageResolution;
    }

    /** The data of {@code interval} for a run called {@code testName}, in a stable order. */
    List<MetricDatum> data(IntervalSnapshot interval, String testName) {
        Instant at = interval.start();
        List<Dimension> run = List.of(dim("TestId", interval.testId()), dim("TestName", testName));
        List<MetricDatum> out = new ArrayList<>();
        counts(out, run, interval.totals(), at);
        out.add(single("ActiveUsers", run, interval.activeUsers(), StandardUnit.COUNT, at));
        out.add(single("ArrivalRate", run, interval.targetRatePerSec(), StandardUnit.COUNT_SECOND, at));
        out.addAll(distribution("Latency", run, decode(interval.compressedLatencyHistogram()), at));
        for (Map.Entry<String, RequestStats> e : new TreeMap<>(interval.requests()).entrySet()) {
            List<Dimension> request = List.of(run.get(0), run.get(1), dim("Request", e.getKey()));
            RequestStats stats = e.getValue();
            counts(out, request, stats, at);
            if (stats.requests() > 0) {
                out.add(single("LatencyP50", request, stats.latencyMs().p50(), StandardUnit.MILLISECONDS, at));
                out.add(single("LatencyP95", request, stats.latencyMs().p95(), StandardUnit.MILLISECONDS, at));
                out.add(single("LatencyP99", request, stats.latencyMs().p99(), StandardUnit.MILLISECONDS, at));
            }
        }
        return out;
    }

    private void counts(List<MetricDatum> out, List<Dimension> dims, RequestStats stats, Instant at) {
        out.add(single("RequestCount", dims, stats.requests(), StandardUnit.COUNT, at));
        out.add(single("ErrorCount", dims, stats.errors(), StandardUnit.COUNT, at));
        out.add(single("ErrorRate", dims, stats.errorRatePercent(), StandardUnit.PERCENT, at));
        out.add(single("Throughput", dims, stats.throughputRps(), StandardUnit.COUNT_SECOND, at));
    }

    /** {@code histogram}'s recorded values (nanoseconds) as datums in milliseconds; none when it is empty. */
    List<MetricDatum> distribution(String name, List<Dimension> dims, Histogram histogram, Instant at) {
        List<MetricDatum> out = new ArrayList<>();
        List<Double> values = new ArrayList<>(MAX_VALUES_PER_DATUM);
        List<Double> counts = new ArrayList<>(MAX_VALUES_PER_DATUM);
        for (HistogramIterationValue v : histogram.recordedValues()) {
            // the bucket's highest equivalent value: a percentile never reads lower than what was recorded
            values.add(v.getValueIteratedTo() / NANOS_PER_MS);
            counts.add((double) v.getCountAddedInThisIterationStep());
            if (values.size() == MAX_VALUES_PER_DATUM) {
                out.add(datum(name, dims, StandardUnit.MILLISECONDS, at).values(values).counts(counts).build());
                values = new ArrayList<>(MAX_VALUES_PER_DATUM);
                counts = new ArrayList<>(MAX_VALUES_PER_DATUM);
            }
        }
        if (!values.isEmpty()) {
            out.add(datum(name, dims, StandardUnit.MILLISECONDS, at).values(values).counts(counts).build());
        }
        return out;
    }

    /** Decodes HdrHistogram's compressed encoding; an empty array is an empty histogram. */
    static Histogram decode(byte[] compressed) {
        if (compressed.length == 0) {
            return new Histogram(3);
        }
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(compressed), 0);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("the interval's latency histogram cannot be decoded: "
                    + e.getMessage(), e);
        }
    }

    private MetricDatum single(String name, List<Dimension> dims, double value, StandardUnit unit, Instant at) {
        return datum(name, dims, unit, at).value(Double.isFinite(value) ? value : 0.0).build();
    }

    private MetricDatum.Builder datum(String name, List<Dimension> dims, StandardUnit unit, Instant at) {
        return MetricDatum.builder().metricName(name).dimensions(dims).unit(unit).timestamp(at)
                .storageResolution(storageResolution);
    }

    private static Dimension dim(String name, String value) {
        return Dimension.builder().name(name).value(value.isEmpty() ? "-" : value).build();
    }
}
