package dev.onrush.core.internal.engine;

import dev.onrush.core.internal.metrics.RecorderSet;
import dev.onrush.core.internal.metrics.RunAggregator;
import dev.onrush.core.internal.schedule.Timeline;
import dev.onrush.core.model.HttpVersion;
import dev.onrush.core.model.LoadTest;
import dev.onrush.spi.IntervalSnapshot;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.NetClientOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one load test: starts a Vert.x instance with one shard per event loop, flips and merges the shards'
 * recorders every second on the calling (collector) thread, stops at the end of the last phase or on
 * {@link #abort}, drains in-flight requests for a grace period and closes everything.
 *
 * <p>{@link #run} blocks its caller, which becomes the collector thread; {@link #abort} may be called from any
 * thread.
 */
public final class Engine {

    /** Interval length: one second. */
    static final long INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);
    /** How far ahead of "now" the run's time 0 is set once the shards are built. */
    static final long START_LEAD_NS = TimeUnit.MILLISECONDS.toNanos(20);
    /** Longest wait for in-flight requests once generation stopped. */
    static final Duration MAX_DRAIN = Duration.ofSeconds(5);

    private final LoadTest test;
    private final Timeline timeline;
    private final int eventLoops;
    private final long seed;
    private final CountDownLatch abortLatch = new CountDownLatch(1);
    private volatile List<Shard> liveShards = List.of();
    private volatile String abortReason;
    private volatile long startNanos;
    /** Where {@link #stop} ends the run, ns from its start ({@link Long#MAX_VALUE}: as planned). */
    private volatile long stopAtNs = Long.MAX_VALUE;
    /** Bodies of drawn size are sliced from it; made by {@link #run} when a request has a body size. */
    private io.netty.buffer.ByteBuf filler;

    /**
     * @param test       what to run
     * @param eventLoops event loops (= shards), {@code >= 1}
     * @param seed       seed of the shards' random choices (scenario picks)
     */
    public Engine(LoadTest test, int eventLoops, long seed) {
        this(test, new Timeline(test.phases()), eventLoops, seed);
    }

    /**
     * @param timeline the test's phases laid out, possibly with steered phases whose rates are decided as the run
     *                 goes
     */
    public Engine(LoadTest test, Timeline timeline, int eventLoops, long seed) {
        if (eventLoops < 1) {
            throw new IllegalArgumentException("eventLoops must be >= 1, got " + eventLoops);
        }
        this.test = test;
        this.timeline = timeline;
        this.eventLoops = eventLoops;
        this.seed = seed;
    }

    /** What {@link #run} reports besides the aggregator. */
    public record Outcome(RunAggregator aggregator, long generationNs, long unfinishedRequests, String abortReason,
                          String transport, long confinementViolations) {
    }

    /**
     * Runs the test on the calling thread's watch and returns when everything is closed.
     *
     * @param aggregatorFactory builds the aggregator once the start instant is known (argument: start nanos)
     * @param onInterval        called on this thread after each merged interval; must not block for long
     */
    public Outcome run(Function<Long, RunAggregator> aggregatorFactory, Consumer<IntervalSnapshot> onInterval) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setPreferNativeTransport(true)
                .setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        String transport = (test.target().httpVersion() == HttpVersion.HTTP_2 ? "h2-vertx-httpclient/"
                : "http1-lean/") + (vertx.isNativeTransportEnabled() ? "epoll" : "nio");
        long fillerBytes = VolumeSetup.maxBodyBytes(test);
        filler = fillerBytes > 0 ? VolumeSetup.filler(fillerBytes) : null;
        try {
            List<Shard> shards = createShards(vertx, timeline);
            liveShards = List.copyOf(shards);
            NetClientOptions options = clientOptions();
            onAll(shards, s -> {
                s.prepare(options);
                return null;
            });
            // everything is built: time 0 is just ahead, so that no shard starts late
            startNanos = System.nanoTime() + START_LEAD_NS;
            RunAggregator aggregator = aggregatorFactory.apply(startNanos);
            onAll(shards, s -> {
                s.start(startNanos);
                return null;
            });
            return collect(shards, aggregator, timeline.totalNs(), onInterval, transport);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
            if (filler != null) {
                filler.unwrap().release();
            }
        }
    }

    /**
     * One shard per event loop, each with a context of its own made explicitly: getOrCreateContext() from this
     * thread would hand back the same ("sticky") context every time, putting every shard on one loop.
     */
    private List<Shard> createShards(Vertx vertx, Timeline timeline) {
        List<io.netty.channel.EventLoop> loops = new ArrayList<>();
        vertx.nettyEventLoopGroup().forEach(e -> loops.add((io.netty.channel.EventLoop) e));
        if (loops.size() < eventLoops) {
            throw new IllegalStateException("Vert.x made " + loops.size() + " event loops, " + eventLoops
                    + " were asked for");
        }
        List<Shard> shards = new ArrayList<>();
        for (int i = 0; i < eventLoops; i++) {
            Context ctx = VertxInternals.newEventLoopContext(vertx, loops.get(i));
            shards.add(new Shard(i, eventLoops, vertx, ctx, test, timeline, seed, filler));
        }
        return shards;
    }

    /** The collector loop: flips and merges every second until the end or an abort, then finishes. */
    private Outcome collect(List<Shard> shards, RunAggregator aggregator, long totalNs,
                            Consumer<IntervalSnapshot> onInterval, String transport) {
        List<RecorderSet> spares = new ArrayList<>();
        shards.forEach(s -> spares.add(s.newRecorderSet()));
        long previous = 0;
        for (long k = 1; ; k++) {
            long end = Math.min(k * INTERVAL_NS, Math.min(totalNs, stopAtNs));
            boolean aborted = sleepUntil(end);
            // stop() may have moved the end to this very boundary while we slept
            if (aborted || end >= Math.min(totalNs, stopAtNs)) {
                long stopAt = aborted ? Math.max(previous, now()) : end;
                return finish(shards, spares, aggregator, previous, stopAt, onInterval, transport);
            }
            List<RecorderSet> full = flip(shards, spares);
            int users = onAll(shards, Shard::activeUsers).stream().mapToInt(Integer::intValue).sum();
            IntervalSnapshot snapshot = aggregator.addInterval(full, previous, end, users);
            for (int i = 0; i < full.size(); i++) {
                full.get(i).reset();
                spares.set(i, full.get(i));
            }
            onInterval.accept(snapshot);
            previous = end;
        }
    }

    /** Stops generating, drains in-flight requests, merges the last interval and closes the shards. */
    private Outcome finish(List<Shard> shards, List<RecorderSet> spares, RunAggregator aggregator, long previous,
                           long stopAt, Consumer<IntervalSnapshot> onInterval, String transport) {
        int usersAtStop = onAll(shards, s -> {
            int alive = s.activeUsers();
            s.stopGenerating();
            return alive;
        }).stream().mapToInt(Integer::intValue).sum();
        drain(shards);
        long unfinished = onAll(shards, Shard::failUnfinished).stream().mapToInt(Integer::intValue).sum();
        List<RecorderSet> last = flip(shards, spares);
        onInterval.accept(aggregator.addInterval(last, previous, Math.max(stopAt, previous + 1), usersAtStop));
        onAll(shards, s -> {
            s.close();
            return null;
        });
        long violations = shards.stream().mapToLong(Shard::confinementViolations).sum();
        return new Outcome(aggregator, stopAt, unfinished, abortReason, transport, violations);
    }

    /**
     * The largest event-loop lag of any shard (ms) since the previous call: how late a heartbeat due every 20 ms
     * ran. 0 before the run starts. Any thread.
     */
    public double takeEventLoopLagMs() {
        return liveShards.stream().mapToLong(Shard::takeLoopLagNs).max().orElse(0) / 1e6;
    }

    /**
     * Ends the run at the end of the interval now going, as if the plan ended there (not an abort: the outcome
     * carries no abort reason), e.g. once a stress search has its answer. The last interval is a whole one, not a
     * sliver whose drained responses would read as a burst of throughput. Called on the collector thread (from
     * the interval listener) or any other.
     */
    public void stop() {
        long nextBoundary = (now() / INTERVAL_NS + 1) * INTERVAL_NS;
        stopAtNs = Math.min(stopAtNs, nextBoundary);
    }

    /** Stops the run early: generation stops at once, then in-flight requests drain. Any thread. */
    public void abort(String reason) {
        if (abortReason == null) {
            abortReason = reason;
        }
        abortLatch.countDown();
    }

    private long now() {
        return System.nanoTime() - startNanos;
    }

    /** Sleeps until {@code tNs}; returns true when an abort came first. */
    private boolean sleepUntil(long tNs) {
        long wait = tNs - now();
        try {
            return wait > 0 ? abortLatch.await(wait, TimeUnit.NANOSECONDS) : abortLatch.getCount() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort("interrupted");
            return true;
        }
    }

    /** Waits until every request has its answer, for at most the grace period (the request timeout, at most 5 s). */
    private void drain(List<Shard> shards) {
        long deadline = System.nanoTime() + Math.min(MAX_DRAIN.toNanos(), test.target().timeout().toNanos());
        while (true) {
            int unanswered = onAll(shards, Shard::unanswered).stream().mapToInt(Integer::intValue).sum();
            if (unanswered == 0 || System.nanoTime() >= deadline) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static List<RecorderSet> flip(List<Shard> shards, List<RecorderSet> spares) {
        List<CompletableFuture<RecorderSet>> futures = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            Shard s = shards.get(i);
            RecorderSet spare = spares.get(i);
            CompletableFuture<RecorderSet> f = new CompletableFuture<>();
            s.context().runOnContext(v -> f.complete(s.flip(spare)));
            futures.add(f);
        }
        return futures.stream().map(f -> f.orTimeout(10, TimeUnit.SECONDS).join()).toList();
    }

    /** Runs {@code action} on every shard's loop and waits for all results. */
    private static <T> List<T> onAll(List<Shard> shards, Function<Shard, T> action) {
        List<CompletableFuture<T>> futures = new ArrayList<>();
        for (Shard s : shards) {
            CompletableFuture<T> f = new CompletableFuture<>();
            s.context().runOnContext(v -> {
                try {
                    f.complete(action.apply(s));
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            });
            futures.add(f);
        }
        return futures.stream().map(f -> f.orTimeout(10, TimeUnit.SECONDS).join()).toList();
    }

    private NetClientOptions clientOptions() {
        var target = test.target();
        NetClientOptions o = new NetClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, target.connectTimeout().toMillis()))
                .setTcpNoDelay(true)
                .setTcpKeepAlive(false)
                .setReuseAddress(true);
        if (target.tls()) {
            // the connect timeout covers the handshake too: a server that accepts and never answers the hello
            // fails as connect_timeout instead of leaving the request unanswered
            o.setSsl(true).setTrustAll(target.trustAllCertificates())
                    .setHostnameVerificationAlgorithm(target.trustAllCertificates() ? "" : "HTTPS")
                    .setSslHandshakeTimeout(Math.max(1, target.connectTimeout().toMillis()))
                    .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
        }
        return o;
    }
}
