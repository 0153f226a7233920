package dev.onrush.app.serve;

import dev.onrush.core.RunHandle;
import dev.onrush.core.sink.ResultJson;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.RunResult;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One run the service started: its handle, the intervals seen so far (the last {@value #KEPT_INTERVALS}, for late
 * live subscribers), running totals and the subscribers of its live stream.
 *
 * <p>Threading: {@link #onInterval} is called on the run's collector thread, {@link #onResult} once from the run
 * thread, the rest from request threads; all state is guarded by this object's monitor, and listeners are called
 * while holding it so that each sees the intervals in order and the result last. Listeners must not block.
 */
final class ServedRun {

    static final int KEPT_INTERVALS = 300;

    /** What a live subscriber is told. */
    interface Listener {
        void interval(String json);

        /** The last call: the result as JSON, or {@code null} when the run failed without one. */
        void result(String json);
    }

    private final String id;
    private final String name;
    private final String targetUrl;
    private final String origin;
    private final Instant submittedAt;
    private final Duration plannedDuration;
    private final RunHandle handle;
    private final ArrayDeque<String> intervals = new ArrayDeque<>();
    private final List<Listener> listeners = new ArrayList<>();
    private long intervalCount;
    private long requests;
    private long errors;
    private IntervalSnapshot last;
    private RunResult result;
    private String resultJson;
    private String failure;

    ServedRun(RunHandle handle, String name, String targetUrl, String origin, Duration plannedDuration) {
        this.handle = handle;
        this.id = handle.testId();
        this.name = name;
        this.targetUrl = targetUrl;
        this.origin = origin;
        this.plannedDuration = plannedDuration;
        this.submittedAt = Instant.now();
    }

    String id() {
        return id;
    }

    String origin() {
        return origin;
    }

    Path dir() {
        return handle.outputDir();
    }

    boolean isDone() {
        return handle.isDone();
    }

    /** Stops the run; its result so far is kept with verdict ABORTED. */
    void abort(String reason) {
        handle.abort(reason);
    }

    /** Waits up to {@code timeout} for the run to end; returns whether it did. */
    boolean awaitDone(Duration timeout) {
        try {
            handle.result().toCompletableFuture().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return handle.isDone();
        }
    }

    synchronized void onInterval(IntervalSnapshot s) {
        last = s;
        intervalCount++;
        requests += s.totals().requests();
        errors += s.totals().errors();
        String json = ResultJson.toLine(s);
        intervals.addLast(json);
        if (intervals.size() > KEPT_INTERVALS) {
            intervals.removeFirst();
        }
        listeners.forEach(l -> l.interval(json));
    }

    synchronized void onResult(RunResult r, Throwable error) {
        if (r != null) {
            result = r;
            try {
                resultJson = ResultJson.mapper().writeValueAsString(r);
            } catch (java.io.IOException e) {
                failure = "cannot write the result as JSON: " + e.getMessage();
            }
        } else {
            failure = error == null ? "the run ended without a result" : String.valueOf(error.getMessage());
        }
        listeners.forEach(l -> l.result(resultJson));
        listeners.clear();
        intervals.clear(); // a finished run's stream is its result; its seconds are in intervals.jsonl
    }

    /** Replays the kept intervals to {@code l}, then keeps it informed; tells it the result at once when done. */
    synchronized void subscribe(Listener l) {
        intervals.forEach(l::interval);
        if (result != null || failure != null) {
            l.result(resultJson);
        } else {
            listeners.add(l);
        }
    }

    synchronized void unsubscribe(Listener l) {
        listeners.remove(l);
    }

    /** RUNNING, the verdict once done, or ERROR. */
    synchronized String status() {
        if (result != null) {
            return result.verdict().name();
        }
        return failure != null ? "ERROR" : "RUNNING";
    }

    /** The run's state for the API: status, verdict, live totals and the last interval. */
    synchronized Map<String, Object> summary(boolean detailed, Consumer<Map<String, Object>> links) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("status", status());
        m.put("origin", origin);
        m.put("target_url", targetUrl);
        m.put("submitted_at", submittedAt.toString());
        if (result != null) {
            m.put("verdict", result.verdict().name());
            m.put("verdict_reason", result.verdictReason());
        }
        if (failure != null) {
            m.put("error", failure);
        }
        if (detailed) {
            Map<String, Object> live = new LinkedHashMap<>();
            live.put("planned_duration_s", plannedDuration.toMillis() / 1000.0);
            live.put("elapsed_s", Duration.between(submittedAt, Instant.now()).toMillis() / 1000.0);
            live.put("intervals", intervalCount);
            live.put("requests", requests);
            live.put("errors", errors);
            live.put("error_rate_percent", requests == 0 ? 0.0 : 100.0 * errors / requests);
            if (last != null) {
                live.put("phase", last.phase());
                live.put("active_users", last.activeUsers());
                live.put("target_rate_per_sec", last.targetRatePerSec());
                live.put("last_interval", ResultJson.mapper().valueToTree(last.totals()));
            }
            m.put("live", live);
        }
        links.accept(m);
        return m;
    }
}
