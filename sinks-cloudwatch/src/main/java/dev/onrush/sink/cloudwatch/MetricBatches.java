package dev.onrush.sink.cloudwatch;

import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts metric data into PutMetricData requests within CloudWatch's limits: at most {@value #MAX_DATA_PER_REQUEST}
 * data per request and an estimated payload of at most {@value #MAX_REQUEST_BYTES} bytes (the service accepts
 * 1 MB; the estimate is that of the verbose Query encoding, an upper bound for the CBOR the SDK sends). Stateless.
 */
final class MetricBatches {

    /** CloudWatch's limit on data in one PutMetricData request. */
    static final int MAX_DATA_PER_REQUEST = 1000;

    /** The payload budget of one request, under CloudWatch's 1 MB. */
    static final int MAX_REQUEST_BYTES = 800_000;

    private MetricBatches() {
    }

    /** {@code data} in order, cut into batches; empty for no data. */
    static List<List<MetricDatum>> split(List<MetricDatum> data) {
        List<List<MetricDatum>> batches = new ArrayList<>();
        List<MetricDatum> batch = new ArrayList<>();
        long bytes = 0;
        for (MetricDatum d : data) {
            long size = estimatedBytes(d);
            if (!batch.isEmpty() && (batch.size() == MAX_DATA_PER_REQUEST || bytes + size > MAX_REQUEST_BYTES)) {
                batches.add(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(d);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    /** Bytes of {@code d} in the Query encoding ({@code MetricData.member.1000.Values.member.150=...&}). */
    static long estimatedBytes(MetricDatum d) {
        long bytes = 160 + d.metricName().length();
        for (Dimension dim : d.dimensions()) {
            bytes += 90 + dim.name().length() + dim.value().length() * 3L; // percent-encoding may triple text
        }
        return bytes + 2L * 60 * d.values().size();
    }
}
