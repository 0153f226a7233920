package dev.onrush.probe.cloudwatch;

import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.probe.Probe;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reads its metrics with one GetMetricData call per sample (one query per metric, following {@code NextToken}).
 * The window asked for is {@code [min(from, to - lookback), to)}, its start aligned down to the period; a datapoint
 * is reported once, when its whole period lies before {@code to} (a period still filling would read low). Samples
 * carry the datapoint's timestamp, the metric's alias and unit, and its dimensions. Called by the engine's probe
 * worker, one sample at a time; not thread-safe otherwise.
 */
final class CloudWatchProbe implements Probe {

    static final String ID = "cloudwatch";
    /** Pages read per sample at most; a page holds up to 100,800 datapoints. */
    private static final int MAX_PAGES = 20;

    private final CloudWatchClient client;
    private final Map<String, MetricQuery> queries = new LinkedHashMap<>();
    private final List<MetricDataQuery> requestQueries;
    private final Duration period;
    private final Duration lookback;
    private final Map<String, Instant> reportedUpTo = new HashMap<>();

    CloudWatchProbe(CloudWatchClient client, List<MetricQuery> metrics, Duration period, Duration lookback) {
        this.client = client;
        this.period = period;
        this.lookback = lookback;
        metrics.forEach(m -> queries.put(m.id(), m));
        this.requestQueries = metrics.stream().map(m -> MetricDataQuery.builder().id(m.id()).label(m.alias())
                .returnData(true)
                .metricStat(s -> s.period((int) period.getSeconds()).stat(m.stat()).metric(x -> x
                        .namespace(m.namespace()).metricName(m.name())
                        .dimensions(m.dimensions().entrySet().stream()
                                .map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build())
                                .toList())))
                .build()).toList();
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public CompletionStage<List<ProbeSample>> sample(Instant from, Instant to) {
        try {
            return CompletableFuture.completedFuture(read(windowStart(from, to), to));
        } catch (SdkException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** {@code min(from, to - lookback)}, aligned down to the period (CloudWatch aligns it the same way). */
    Instant windowStart(Instant from, Instant to) {
        Instant start = to.minus(lookback).isBefore(from) ? to.minus(lookback) : from;
        long p = period.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(start.getEpochSecond(), p) * p);
    }

    private List<ProbeSample> read(Instant start, Instant end) {
        List<ProbeSample> out = new ArrayList<>();
        Map<String, Instant> newest = new HashMap<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            GetMetricDataRequest request = GetMetricDataRequest.builder().startTime(start).endTime(end)
                    .scanBy(ScanBy.TIMESTAMP_ASCENDING).metricDataQueries(requestQueries).nextToken(token).build();
            GetMetricDataResponse response = client.getMetricData(request);
            for (MetricDataResult r : response.metricDataResults()) {
                collect(r, end, out, newest);
            }
            token = response.nextToken();
            if (token == null || token.isEmpty()) {
                break;
            }
        }
        reportedUpTo.putAll(newest);
        out.sort(Comparator.comparing(ProbeSample::timestamp));
        return out;
    }

    private void collect(MetricDataResult r, Instant end, List<ProbeSample> out, Map<String, Instant> newest) {
        MetricQuery q = queries.get(r.id());
        if (q == null) {
            return;
        }
        Instant reported = reportedUpTo.get(q.id());
        int n = Math.min(r.timestamps().size(), r.values().size());
        for (int i = 0; i < n; i++) {
            Instant t = r.timestamps().get(i);
            Double v = r.values().get(i);
            boolean complete = !t.plus(period).isAfter(end);
            if (v == null || !complete || (reported != null && !t.isAfter(reported))) {
                continue;
            }
            out.add(new ProbeSample(ID, q.alias(), t, v, q.unit(), q.dimensions()));
            newest.merge(q.id(), t, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    @Override
    public CompletionStage<Void> close() {
        client.close();
        return CompletableFuture.completedFuture(null);
    }
}
