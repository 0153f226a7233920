package dev.onrush.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The final result of a run: what {@code result.json} holds and what sinks receive at the end.
 *
 * @param schemaVersion     version of this layout; bumped on incompatible change
 * @param testId            the run's id
 * @param name              the test's name
 * @param type              the test type
 * @param targetUrl         the base URL under load
 * @param verdict           PASSED, FAILED, INCONCLUSIVE or ABORTED
 * @param verdictReason     one sentence saying why (the broken criteria, the generator bound, the abort cause)
 * @param startedAt         when the first phase started
 * @param endedAt           when the last response was taken in
 * @param durationS         seconds between the two
 * @param engine            how the load was generated (transport, event loops, JVM)
 * @param totals            counts and volume of the whole run
 * @param latencyMs         latency from the intended start, all requests
 * @param serviceTimeMs     latency from the actual send, all requests
 * @param generator         the generator's own lag, connection wait and drops
 * @param errorsByKind      failures per {@link ErrorKind#key()}
 * @param statusCodes       responses per HTTP status code
 * @param requests          per request name
 * @param phases            per phase, in order
 * @param criteria          every criterion, judged
 * @param intervals         the per-second time series (not written into {@code result.json}; see
 *                          {@code intervals.jsonl})
 * @param probes            every probe sample taken during the run, in the order they were taken (empty without
 *                          probes)
 * @param analysis          what the test type concludes (spike: recovery; endurance: drift; ...), as JSON-like
 *                          values (String, Number, Boolean, List, Map, null-free); empty when the type has none.
 *                          Treat it as read-only.
 */
public record RunResult(int schemaVersion, String testId, String name, String type, String targetUrl,
                        Verdict verdict, String verdictReason, Instant startedAt, Instant endedAt, double durationS,
                        EngineInfo engine, Totals totals, LatencyStats latencyMs, LatencyStats serviceTimeMs,
                        GeneratorStats generator, Map<String, Long> errorsByKind, Map<String, Long> statusCodes,
                        Map<String, RequestStats> requests, List<PhaseResult> phases,
                        List<CriterionResult> criteria, List<IntervalSnapshot> intervals,
                        List<ProbeSample> probes, Map<String, Object> analysis) {

    /** The current {@link #schemaVersion()}. */
    public static final int SCHEMA_VERSION = 1;

    public RunResult {
        errorsByKind = Map.copyOf(errorsByKind);
        statusCodes = Map.copyOf(statusCodes);
        requests = Map.copyOf(requests);
        phases = List.copyOf(phases);
        criteria = List.copyOf(criteria);
        intervals = List.copyOf(intervals);
        probes = List.copyOf(probes);
        analysis = Map.copyOf(analysis);
    }

    /**
     * How the load was generated.
     *
     * @param transport  the HTTP client path, e.g. {@code "http1-lean/epoll"} or {@code "vertx-httpclient/nio"}
     * @param eventLoops number of event loops (one shard each)
     * @param jvm        Java runtime version
     */
    public record EngineInfo(String transport, int eventLoops, String jvm) {
    }
}
