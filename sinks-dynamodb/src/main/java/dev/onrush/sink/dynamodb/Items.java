package dev.onrush.sink.dynamodb;

import dev.onrush.spi.CriterionResult;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.LatencyStats;
import dev.onrush.spi.PhaseResult;
import dev.onrush.spi.RunResult;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The items the sink writes. Numbers are rounded to three decimals (microseconds for latencies); values that are not
 * finite ({@code NaN} when nothing was measured) are left out, as DynamoDB has no number for them. Lists and texts
 * are capped so an item stays a few kilobytes whatever the plan (DynamoDB's limit is 400 KB).
 */
final class Items {

    /** Partition key of the results table. */
    static final String TEST_NAME = "test_name";
    /** Sort key of the results table: {@code <started_at, fixed width UTC>#<test_id>}. */
    static final String RUN_KEY = "started_at_test_id";
    /** Partition key of the metrics table. */
    static final String TEST_ID = "test_id";
    /** Sort key of the metrics table: the interval's index, 0 for the first second. */
    static final String SECOND = "second";

    /** Results-table attributes that {@link DynamoDbResultsReader} reads back. */
    static final String STARTED_AT = "started_at";
    static final String VERDICT = "verdict";
    static final String P95_MS = "p95_ms";
    static final String P99_MS = "p99_ms";
    static final String THROUGHPUT_RPS = "throughput_rps";
    static final String ERROR_RATE_PERCENT = "error_rate_percent";

    static final int MAX_LIST = 100;
    static final int MAX_TEXT = 1024;

    /** Fixed width, so that text order is time order (Instant.toString drops zero fractions, which breaks it). */
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Items() {
    }

    static String sortable(Instant instant) {
        return SORTABLE.format(instant);
    }

    /** The results table's sort key for a run. */
    static String runKey(Instant startedAt, String testId) {
        return sortable(startedAt) + "#" + testId;
    }

    /** One interval, for the metrics table. */
    static Map<String, AttributeValue> interval(IntervalSnapshot i) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(TEST_ID, s(i.testId()));
        item.put(SECOND, n(i.index()));
        item.put("started_at", s(sortable(i.start())));
        item.put("duration_s", n(i.durationS()));
        item.put("phase", s(i.phase()));
        item.put("requests", n(i.totals().requests()));
        item.put("errors", n(i.totals().errors()));
        put(item, "error_rate_percent", i.totals().errorRatePercent());
        put(item, "rps", i.totals().throughputRps());
        latency(item, "", i.totals().latencyMs());
        item.put("active_users", n(i.activeUsers()));
        put(item, "target_rate_per_sec", i.targetRatePerSec());
        item.put("dropped_arrivals", n(i.generator().droppedArrivals()));
        return item;
    }

    /** One run, for the results table; {@code reportUrlPrefix} may be {@code null}; {@code tags} from the plan. */
    static Map<String, AttributeValue> result(RunResult r, String reportUrlPrefix, Map<String, String> tags) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(TEST_NAME, s(r.name()));
        item.put(RUN_KEY, s(runKey(r.startedAt(), r.testId())));
        item.put(TEST_ID, s(r.testId()));
        item.put("type", s(r.type()));
        item.put("target_url", s(r.targetUrl()));
        item.put(VERDICT, s(r.verdict().name()));
        item.put("verdict_reason", s(r.verdictReason()));
        item.put(STARTED_AT, s(sortable(r.startedAt())));
        item.put("ended_at", s(sortable(r.endedAt())));
        put(item, "duration_s", r.durationS());
        item.put("schema_version", n(r.schemaVersion()));
        item.put("requests", n(r.totals().requests()));
        item.put("errors", n(r.totals().errors()));
        put(item, ERROR_RATE_PERCENT, r.totals().errorRatePercent());
        put(item, THROUGHPUT_RPS, r.totals().throughputRps());
        put(item, "throughput_mbps", r.totals().throughputMbps());
        latency(item, "", r.latencyMs());
        put(item, "mean_ms", r.latencyMs().mean());
        put(item, "p90_ms", r.latencyMs().p90());
        item.put("dropped_arrivals", n(r.generator().droppedArrivals()));
        item.put("unfinished_requests", n(r.generator().unfinishedRequests()));
        criteria(item, r.criteria());
        item.put("phases", AttributeValue.fromL(phases(r.phases())));
        if (!tags.isEmpty()) {
            item.put("tags", AttributeValue.fromM(tags(tags)));
        }
        if (reportUrlPrefix != null) {
            item.put("report_url", s(reportUrlPrefix + r.testId() + "/"));
        }
        return item;
    }

    private static void criteria(Map<String, AttributeValue> item, List<CriterionResult> criteria) {
        long passed = criteria.stream().filter(CriterionResult::passed).count();
        item.put("criteria_passed", n(passed));
        item.put("criteria_failed", n(criteria.size() - passed));
        List<AttributeValue> list = new ArrayList<>();
        for (CriterionResult c : criteria.subList(0, Math.min(criteria.size(), MAX_LIST))) {
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            m.put("expression", s(c.expression()));
            m.put("scope", s(c.scope()));
            m.put("passed", AttributeValue.fromBool(c.passed()));
            put(m, "threshold", c.threshold());
            put(m, "actual", c.actual());
            m.put("unit", s(c.unit()));
            list.add(AttributeValue.fromM(m));
        }
        item.put("criteria", AttributeValue.fromL(list));
    }

    private static List<AttributeValue> phases(List<PhaseResult> phases) {
        List<AttributeValue> list = new ArrayList<>();
        for (PhaseResult p : phases.subList(0, Math.min(phases.size(), MAX_LIST))) {
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            m.put("name", s(p.name()));
            m.put("shape", s(p.shape()));
            m.put("requests", n(p.requests()));
            m.put("errors", n(p.errors()));
            put(m, "throughput_rps", p.throughputRps());
            latency(m, "", p.latencyMs());
            list.add(AttributeValue.fromM(m));
        }
        return list;
    }

    private static Map<String, AttributeValue> tags(Map<String, String> tags) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        tags.entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(MAX_LIST)
                .forEach(e -> m.put(e.getKey(), s(e.getValue())));
        return m;
    }

    private static void latency(Map<String, AttributeValue> item, String prefix, LatencyStats l) {
        put(item, prefix + "p50_ms", l.p50());
        put(item, prefix + P95_MS, l.p95());
        put(item, prefix + P99_MS, l.p99());
        put(item, prefix + "max_ms", l.max());
    }

    private static void put(Map<String, AttributeValue> item, String name, double value) {
        if (Double.isFinite(value)) {
            item.put(name, n(value));
        }
    }

    private static AttributeValue s(String text) {
        String t = text == null || text.isEmpty() ? "-" : text;
        return AttributeValue.fromS(t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT - 1) + "…" : t);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static AttributeValue n(double value) {
        return AttributeValue.fromN(BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString());
    }
}
