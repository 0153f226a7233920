package dev.onrush.core.internal.engine;

import dev.onrush.core.internal.engine.http1.RequestValues;
import dev.onrush.core.internal.engine.http1.TemplatedRequest;
import dev.onrush.core.internal.metrics.RecorderSet;
import dev.onrush.core.internal.metrics.SizeBuckets;
import dev.onrush.core.internal.schedule.ArrivalSchedule;
import dev.onrush.core.internal.schedule.Timeline;
import dev.onrush.core.model.HttpVersion;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Target;
import dev.onrush.spi.ErrorKind;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetClientOptions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The share of a run that one event loop carries: its arrivals (open model) or its virtual users (closed
 * model), its connections, its recorders. Every method runs on that loop unless it says otherwise.
 */
final class Shard {

    private static final long USER_CONTROL_PERIOD_NS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long SWEEP_PERIOD_MS = 50;

    final int index;
    private final int shards;
    private final Vertx vertx;
    private final Context context;
    private final EventLoop loop;
    private final Timeline timeline;
    private final Target target;
    private long startNanos;
    private final long timeoutNs;
    private final int maxConnections;
    private final int maxQueue;
    private final CompiledScenario[] scenarios;
    private final int[] cumulativeWeights;
    private final SplittableRandom random;
    private final ArrivalSchedule arrivals;

    private final boolean useHttpClient;
    /** Volume: recorders with size classes and this many key variables; -1 when the test does not record them. */
    private final int keyVariables;
    private final int requestCount;
    /** Values of the templated request being sent; null when the test has none. */
    private final RequestValues values;
    /** Shared filler that templated bodies are sliced from (read only); null when no request has a body size. */
    private final ByteBuf filler;
    private HttpClientPath httpClient;
    private Http1Pool pool;
    private RecorderSet recorder;
    private final ArrayDeque<Session> sessionPool = new ArrayDeque<>();
    private final List<Session> users = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong confinementViolations =
            new java.util.concurrent.atomic.AtomicLong();
    private int inFlight;
    private boolean generating;
    private long lastUserControlNs;
    private long sweepTimer = -1;
    /** How soon a shard looks again for an arrival in a phase whose rate is not decided yet. */
    private static final long UNDECIDED_RETRY_NS = 1_000_000;
    /** How often the heartbeat checks that the loop is on time. */
    private static final long HEARTBEAT_NS = TimeUnit.MILLISECONDS.toNanos(20);
    /** Largest heartbeat lateness since the last {@link #takeLoopLagNs}; written on the loop, read anywhere. */
    private final java.util.concurrent.atomic.AtomicLong maxLoopLagNs = new java.util.concurrent.atomic.AtomicLong();
    private long heartbeatDueNanos;
    private boolean closed;
    private final Runnable heartbeatNow = this::heartbeat;
    private final Runnable heartbeat = () -> dispatch(heartbeatNow);
    // Netty runs scheduled tasks without a Vert.x context on the thread; Vert.x would then bind anything the
    // task creates (a new connection!) to a fresh context on another event loop. Each scheduled task therefore
    // re-enters this shard's context first.
    private final Runnable fireArrivalsNow = this::fireArrivals;
    private final Runnable fireArrivals = () -> dispatch(fireArrivalsNow);
    private final Runnable controlUsersNow = this::controlUsers;
    private final Runnable controlUsers = () -> dispatch(controlUsersNow);

    /**
     * @param filler the run's filler for bodies of drawn size ({@link VolumeSetup#filler}), or null when no request
     *               has one
     */
    Shard(int index, int shards, Vertx vertx, Context context, LoadTest test, Timeline timeline, long seed,
          ByteBuf filler) {
        this.index = index;
        this.shards = shards;
        this.vertx = vertx;
        this.context = context;
        this.loop = VertxInternals.nettyEventLoop(context);
        this.timeline = timeline;
        this.target = test.target();
        this.timeoutNs = target.timeout().toNanos();
        this.maxConnections = Math.max(1, share(target.maxConnections()));
        this.maxQueue = share(target.maxQueue());
        List<String> requestNames = test.requestNames();
        this.useHttpClient = target.httpVersion() == HttpVersion.HTTP_2;
        this.requestCount = requestNames.size();
        List<String> keys = VolumeSetup.keyVariables(test);
        this.keyVariables = VolumeSetup.recordsSizes(test) ? keys.size() : -1;
        this.scenarios = test.scenarios().stream()
                .map(s -> new CompiledScenario(s, target, requestNames, useHttpClient, keys))
                .toArray(CompiledScenario[]::new);
        boolean templated = test.scenarios().stream().anyMatch(s -> s.requests().stream()
                .anyMatch(dev.onrush.core.model.Step.Request::isTemplated));
        int slots = java.util.Arrays.stream(scenarios).mapToInt(CompiledScenario::slots).max().orElse(0);
        this.values = templated ? new RequestValues(slots, index + 1L, shards) : null;
        this.filler = filler;
        this.cumulativeWeights = new int[scenarios.length];
        int sum = 0;
        for (int i = 0; i < scenarios.length; i++) {
            sum += scenarios[i].weight;
            cumulativeWeights[i] = sum;
        }
        this.random = new SplittableRandom(seed + index);
        this.arrivals = test.usesOpenModel() ? new ArrivalSchedule(timeline, index, shards) : null;
        this.recorder = newRecorderSet();
    }

    /** An empty recorder set as this shard records into (with size classes for volume tests). Any thread. */
    RecorderSet newRecorderSet() {
        return new RecorderSet(requestCount, keyVariables);
    }

    Context context() {
        return context;
    }

    /** This shard's part of a run-wide count: an even split, the remainder going to the first shards. */
    private int share(int total) {
        return total / shards + (index < total % shards ? 1 : 0);
    }

    long now() {
        return System.nanoTime() - startNanos;
    }

    /** Creates the client; nothing is sent yet. Runs on the loop. */
    void prepare(NetClientOptions options) {
        if (useHttpClient) {
            httpClient = new HttpClientPath(this, vertx, target, maxConnections, maxQueue);
            return;
        }
        pool = new Http1Pool(this, vertx, options, target, maxConnections, maxQueue);
    }

    /** Starts generating; time 0 of the run is {@code runStartNanos} ({@link System#nanoTime()}). Runs on the loop. */
    void start(long runStartNanos) {
        this.startNanos = runStartNanos;
        generating = true;
        if (arrivals != null) {
            scheduleArrivals(arrivals.nextFireTimeNs());
        }
        controlUsers();
        long sweepMs = Math.max(1, Math.min(SWEEP_PERIOD_MS, timeoutNs / 4_000_000));
        sweepTimer = vertx.setPeriodic(sweepMs, id -> sweepTimeouts());
        heartbeatDueNanos = System.nanoTime() + HEARTBEAT_NS;
        loop.schedule(heartbeat, HEARTBEAT_NS, TimeUnit.NANOSECONDS);
    }

    // ---- open model --------------------------------------------------------------------------------------

    private void fireArrivals() {
        if (!generating) {
            return;
        }
        long now = now();
        long due = arrivals.retry();
        while (due <= now) {
            recorder.recordArrival();
            if (useHttpClient ? httpClient.pending() >= maxQueue : pool.full()) {
                recorder.recordDrop();
            } else {
                Session s = sessionPool.isEmpty() ? new Session(this) : sessionPool.pop();
                s.begin(scenarios[CompiledScenario.pick(scenarios, cumulativeWeights, random)], due, false);
                runSteps(s);
            }
            due = arrivals.advance();
            now = now();
        }
        scheduleArrivals(due);
    }

    private void scheduleArrivals(long due) {
        if (due == ArrivalSchedule.UNDECIDED) {
            // the next phase's rate is being decided (a stress search judging its step): look again shortly
            loop.schedule(fireArrivals, UNDECIDED_RETRY_NS, TimeUnit.NANOSECONDS);
            return;
        }
        scheduleAt(due, fireArrivals);
    }

    // ---- closed model ------------------------------------------------------------------------------------

    private void controlUsers() {
        if (!generating) {
            return;
        }
        long now = now();
        int wanted = sharedUsers(timeline.userCountAt(now));
        while (users.size() < wanted) {
            int globalIndex = index + users.size() * shards;
            long due = timeline.timeUsersReach(globalIndex + 1, lastUserControlNs);
            if (due < 0 || due > now) {
                due = now;
            }
            Session u = new Session(this);
            users.add(u);
            u.begin(scenarios[CompiledScenario.pick(scenarios, cumulativeWeights, random)], due, true);
            runSteps(u);
        }
        while (users.size() > wanted) {
            users.remove(users.size() - 1).stopping = true;
        }
        lastUserControlNs = now;
        long next = Math.min(now + USER_CONTROL_PERIOD_NS, timeline.nextBoundaryNs(now));
        long nextUserAt = timeline.timeUsersReach(index + users.size() * shards + 1, now + 1);
        if (nextUserAt >= 0) {
            next = Math.min(next, nextUserAt);
        }
        if (now < timeline.totalNs()) {
            scheduleAt(next, controlUsers);
        }
    }

    private int sharedUsers(int globalCount) {
        return globalCount <= index ? 0 : (globalCount - index + shards - 1) / shards;
    }

    int activeUsers() {
        return users.size();
    }

    // ---- the session state machine -----------------------------------------------------------------------

    /** Runs {@code s} from its current step until it waits (for a response or a think time) or ends. */
    void runSteps(Session s) {
        while (true) {
            if (!generating || s.stopping) {
                endSession(s);
                return;
            }
            CompiledScenario sc = s.scenario;
            if (s.step >= sc.steps()) {
                if (!s.closedModel) {
                    endSession(s);
                    return;
                }
                s.begin(scenarios[CompiledScenario.pick(scenarios, cumulativeWeights, random)], s.dueNs, true);
                continue;
            }
            long think = sc.thinkNs[s.step];
            if (think >= 0) {
                if (think == 0) {
                    s.step++;
                    continue;
                }
                s.dueNs = now() + think;
                loop.schedule(s.afterThink, think, TimeUnit.NANOSECONDS);
                return;
            }
            long now = now();
            s.reachedNs = now;
            recorder.recordLag(now - s.dueNs);
            acquire(s);
            return;
        }
    }

    /** Runs {@code task} now, on this (the shard's) thread, inside the shard's Vert.x context. */
    void dispatch(Runnable task) {
        VertxInternals.dispatch(context, task);
    }

    void afterThink(Session s) {
        s.step++;
        runSteps(s);
    }

    private void endSession(Session s) {
        s.scenario = null;
        if (!s.closedModel) {
            sessionPool.push(s);
        }
    }

    // ---- requests and their outcomes ------------------------------------------------------------------------

    private void acquire(Session s) {
        if (!useHttpClient) {
            pool.acquire(s);
            return;
        }
        CompiledScenario sc = s.scenario;
        inFlight++;
        TemplatedRequest t = sc.templated[s.step];
        if (t == null) {
            s.requestBodyBytes = sc.bodyBytes[s.step];
            httpClient.send(s, sc.clientOptions[s.step], sc.clientBodies[s.step], sc.templates[s.step].byteCount());
            return;
        }
        drawValues(t);
        s.requestBodyBytes = Math.max(0, values.bodyLength());
        RequestOptions options = new RequestOptions(sc.clientOptions[s.step]).setURI(t.path(values));
        for (int i = 0; i < t.headerNames().size(); i++) {
            options.putHeader(t.headerNames().get(i), t.headerValue(i, values));
        }
        ByteBuf body = t.body(values, filler);
        // bytes sent: the HTTP/1.1 size of the request, as for static requests on this path
        httpClient.send(s, options, body == null ? null : Buffer.buffer(body), t.encodedLength(values));
    }

    /** Draws the values of templated request {@code t} and counts its keys. */
    private void drawValues(TemplatedRequest t) {
        t.draw(values, random);
        SizeBuckets sizes = recorder.sizes();
        if (sizes != null) {
            for (int k : t.keyIndexes()) {
                sizes.countKey(k);
            }
        }
    }

    /** HTTP/1.1: writes the current request of {@code s} on {@code c} (called by the pool). */
    void send(Http1Connection c, Session s) {
        long now = now();
        recorder.recordConnectionWait(now - s.reachedNs);
        s.sentNs = now;
        inFlight++;
        CompiledScenario sc = s.scenario;
        TemplatedRequest t = sc.templated[s.step];
        if (t == null) {
            s.requestBodyBytes = sc.bodyBytes[s.step];
            c.send(s, sc.templates[s.step]);
            return;
        }
        drawValues(t);
        s.requestBodyBytes = Math.max(0, values.bodyLength());
        ByteBuf message = t.encode(c.alloc(), values, filler);
        c.send(s, message, values.encodedBytes(), t.isHead());
    }

    /**
     * HTTP/1.1: {@code s}'s request was never written: no connection could be opened, or generation stopped while
     * it waited for one ({@link ErrorKind#UNFINISHED}).
     */
    void onNotSent(Session s, ErrorKind kind) {
        long now = now();
        recorder.recordFailure(requestIndex(s), kind, now - s.dueNs, -1, 0, 0);
        next(s, now);
    }

    /** HTTP/1.1: the response ended; {@code keepAlive} says whether the connection may be reused. */
    void onResponse(Http1Connection c, Session s, int status, long bytesRead, boolean keepAlive) {
        checkConfinement();
        long sent = c.requestBytes;
        long body = c.parser.bodyBytes();
        pool.release(c, keepAlive);
        responded(s, status, sent, bytesRead, body);
    }

    /** HTTP/1.1: the request failed after it was written. */
    void onFailure(Http1Connection c, Session s, ErrorKind kind) {
        checkConfinement();
        failed(s, kind, true, c.requestBytes, c.parser.bytesRead());
    }

    /** HTTP/2 path: the request got a stream and is being written. */
    void onClientSent(Session s) {
        long now = now();
        recorder.recordConnectionWait(now - s.reachedNs);
        s.sentNs = now;
    }

    /** HTTP/2 path: the response ended. */
    void onClientResponse(Session s, int status, long sent, long received) {
        responded(s, status, sent, received, received);
    }

    /** HTTP/2 path: the request failed; {@code sent} says whether it had a stream. */
    void onClientFailure(Session s, ErrorKind kind, boolean sent, long bytesSent, long received) {
        failed(s, kind, sent, bytesSent, received);
    }

    private void responded(Session s, int status, long sent, long received, long responseBodyBytes) {
        inFlight--;
        long now = now();
        recorder.recordResponse(requestIndex(s), status, now - s.dueNs, now - s.sentNs, sent, received);
        SizeBuckets sizes = recorder.sizes();
        if (sizes != null) {
            sizes.record(s.requestBodyBytes, responseBodyBytes, status, now - s.dueNs);
        }
        next(s, now);
    }

    private void failed(Session s, ErrorKind kind, boolean sent, long bytesSent, long received) {
        inFlight--;
        long now = now();
        recorder.recordFailure(requestIndex(s), kind, now - s.dueNs, sent ? now - s.sentNs : -1, bytesSent,
                received);
        next(s, now);
    }

    /** The session's request is done: on to its next step, due now. */
    private void next(Session s, long now) {
        s.step++;
        s.dueNs = now;
        runSteps(s);
    }

    private void sweepTimeouts() {
        if (pool != null) {
            pool.sweepTimeouts(now(), timeoutNs);
        }
    }

    private static int requestIndex(Session s) {
        return s.scenario.requestIndex[s.step];
    }

    // ---- control from other threads (each call posts to the loop) ------------------------------------------

    /**
     * Stops generating: no new arrivals or iterations. Requests in flight go on, and requests already due but
     * waiting for a connection are still sent as connections free up (they are part of the plan's load). Runs on
     * the loop.
     */
    void stopGenerating() {
        generating = false;
        for (Session u : users) {
            u.stopping = true;
        }
        users.clear();
    }

    /**
     * The run is over and its grace period too: every request still without an answer (in flight, or waiting for
     * a connection or an HTTP/2 stream) is recorded as {@link ErrorKind#UNFINISHED}, its latency the time waited
     * so far from its intended start. Runs on the loop, before the last flip.
     *
     * @return how many there were
     */
    int failUnfinished() {
        return pool != null ? pool.failUnfinished(now()) + pool.failWaiting() : httpClient.failUnfinished();
    }

    /**
     * Counts a callback that arrived on another thread than this shard's loop: a broken confinement (a
     * connection bound to another event loop) that would race on the shard's state. Must stay 0; the engine
     * reports it.
     */
    private void checkConfinement() {
        if (!loop.inEventLoop()) {
            confinementViolations.incrementAndGet();
        }
    }

    /** Callbacks that came on a foreign thread (see {@link #checkConfinement}). Any thread. */
    long confinementViolations() {
        return confinementViolations.get();
    }

    /** Requests without an answer yet: written, or due and waiting for a connection. Runs on the loop. */
    int unanswered() {
        return inFlight + (pool == null ? 0 : pool.waiting());
    }

    /** Hands over this interval's recorders and continues with {@code recycled}. Runs on the loop. */
    RecorderSet flip(RecorderSet recycled) {
        RecorderSet full = recorder;
        recorder = recycled;
        return full;
    }

    /** The loop's own lateness: how late a task due every 20 ms ran (event-loop lag). Runs on the loop. */
    private void heartbeat() {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        long late = Math.max(0, now - heartbeatDueNanos);
        maxLoopLagNs.accumulateAndGet(late, Math::max);
        heartbeatDueNanos = now + HEARTBEAT_NS;
        loop.schedule(heartbeat, HEARTBEAT_NS, TimeUnit.NANOSECONDS);
    }

    /** The largest event-loop lag (ns) since the previous call, which resets it. Any thread. */
    long takeLoopLagNs() {
        return maxLoopLagNs.getAndSet(0);
    }

    /** Closes every connection and the client. Runs on the loop. */
    void close() {
        closed = true;
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
        if (pool != null) {
            pool.close();
        }
        if (httpClient != null) {
            httpClient.close();
        }
    }

    private void scheduleAt(long dueNs, Runnable task) {
        if (dueNs == ArrivalSchedule.NONE) {
            return;
        }
        long delay = dueNs - now();
        if (delay <= 0) {
            loop.execute(task);
        } else {
            loop.schedule(task, delay, TimeUnit.NANOSECONDS);
        }
    }
}
