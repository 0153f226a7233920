package dev.onrush.demo;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embeddable HTTP/1.1 server (h2c also accepted) that load tests aim at, with configurable artificial
 * latency, error rate, capacity and periodic stalls; it can stand in for a scaled service (capacity that scales
 * out under sustained overload and back in when idle) and for a leaking one (service time that grows with uptime).
 *
 * <p>Endpoints: {@code GET /api/health} (200, never delayed, failed or queued), {@code GET /api/users},
 * {@code POST /api/orders} (201 with an incrementing id, 400 unless the body is a JSON object),
 * {@code GET /api/bytes?size=N} (N bytes, at most 16 MiB), {@code GET|PUT|POST /api/items/{key}} (200
 * {@code {"key":…,"bytes":N}}; the distinct keys and the request body sizes are counted, for volume tests);
 * anything else 404.
 * Latency, errors, capacity and stalls apply to the {@code /api} endpoints except health. Admin endpoints,
 * not counted: {@code GET /admin/stats}, {@code GET /admin/capacity}, {@code GET /admin/config} and
 * {@code POST /admin/config} (a JSON object with any of {@code base_latency}, {@code latency},
 * {@code error_rate}, {@code capacity}, {@code stall_duration}, {@code stall_period}, {@code scale_out_step},
 * {@code scale_out_delay}, {@code max_capacity}, {@code scale_in_idle}, {@code leak_per_second}; durations as {@code "250ms"}, {@code "2s"}, {@code "1m"} or
 * a number of milliseconds; {@code latency} as {@code {"type":"uniform","min":"5ms","max":"20ms"}}, types
 * {@code fixed(value)}, {@code uniform(min,max)}, {@code exponential(mean)}, {@code lognormal(median,p99)}).
 *
 * <p>Each request's service time is the base latency plus a draw from the latency model, with a timer,
 * never blocking an event loop; it is never shorter than configured. With a capacity, requests beyond it
 * wait in one FIFO queue shared by all event loops. A response due during a stall is held until the stall
 * ends (and keeps its capacity slot meanwhile).
 *
 * <p>Scaling ({@link Options.Builder#scaleOut}, {@link Options.Builder#scaleIn}): {@link Options#capacity()} is
 * the initial and smallest capacity. When requests have been waiting for capacity without a break for
 * {@code scaleOutDelay}, the capacity grows by {@code scaleOutStep} (at most to {@code maxCapacity}) and the
 * waiting requests it admits start at once; the overload is then measured anew, so each further step needs
 * another {@code scaleOutDelay} of waiting. A backlog still draining after that counts as overload too (like an
 * alarm on queue depth), so a step can overshoot what the arrival rate alone needs, as real autoscaling does. When, for {@code scaleInIdle}, nothing waited and the requests in
 * service would have fitted one step less, the capacity shrinks by a step (never below the initial one). The
 * decisions run on a 10 ms Vert.x timer on the first event loop (they never block it), so a step comes at most
 * 10 ms after it is due. {@code GET /admin/capacity} answers
 * {@code {capacity, initial_capacity, max_capacity, in_service, queued, scale_events: [{at, from, to}]}}
 * ({@code at} an ISO-8601 instant; the last 1,000 events); {@link #capacity()} and {@link #scaleEvents()} give
 * the same in Java.
 *
 * <p>Leak ({@link Options.Builder#leak}): every service time is longer by {@code leakPerSecond} for each second
 * since start (or since the leak was turned on or its rate changed by {@link #reconfigure}, keeping what had
 * leaked; setting it to zero heals the leak, like a restart), a stand-in for a service that slows down as it runs.
 *
 * <p>Thread-safety: all methods may be called from any thread; {@link #start()} and {@link #close()} block
 * and so must not be called on a Vert.x event loop. Counters are live values, each read atomically, not a
 * snapshot of all of them at one instant. Requests to {@code /admin} are not counted.
 */
public final class DemoTarget implements AutoCloseable {

    private static final long LIFECYCLE_TIMEOUT_S = 30;

    private final Vertx sharedVertx;
    private final Options initialOptions;
    private final TargetState state;
    private Vertx vertx;
    private String deploymentId;
    private volatile int port = -1;
    private boolean started;
    private boolean closed;

    /**
     * A target that creates, and on {@link #close()} closes, its own Vertx with
     * {@link Options#eventLoops()} event loops.
     */
    public DemoTarget(Options options) {
        this(null, options);
    }

    /**
     * A target deployed on an existing Vertx, which {@link #close()} leaves open.
     *
     * @param vertx   the Vertx to deploy on; null to create an own one
     * @param options the initial options
     */
    public DemoTarget(Vertx vertx, Options options) {
        this.sharedVertx = vertx;
        this.initialOptions = Objects.requireNonNull(options, "options");
        this.state = new TargetState(options);
    }

    /**
     * Starts listening on {@link Options#eventLoops()} event loops; the stall schedule starts now.
     *
     * @return completes with the bound port, or fails if the server cannot listen
     * @throws IllegalStateException if already started or closed
     */
    public synchronized CompletionStage<Integer> startAsync() {
        if (started || closed) {
            throw new IllegalStateException(closed ? "closed" : "already started");
        }
        started = true;
        vertx = sharedVertx != null ? sharedVertx : Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(initialOptions.eventLoops())
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        state.startClock(System.nanoTime());
        return deploy()
                .onSuccess(bound -> port = bound)
                .toCompletionStage();
    }

    /**
     * Starts and waits until listening, at most 30 s.
     *
     * @return the bound port
     * @throws IllegalStateException if already started, closed, called on an event loop, or listening failed
     */
    public int start() {
        requireNotOnEventLoop("start");
        return await(startAsync().toCompletableFuture(), "start");
    }

    /**
     * Deploys one server per event loop in one deployment: Vert.x then shares one listening socket among
     * them, even an ephemeral port, and hands out connections round-robin.
     */
    private Future<Integer> deploy() {
        List<TargetVerticle> created = new CopyOnWriteArrayList<>();
        AtomicInteger nextInstance = new AtomicInteger();
        DeploymentOptions deployment = new DeploymentOptions().setInstances(initialOptions.eventLoops());
        return vertx.deployVerticle(() -> {
            // Instance 0 draws from exactly the configured seed, so a one-loop target is reproducible; it also
            // runs the scaler, whether scaling is on or not yet (a reconfiguration may turn it on).
            int instance = nextInstance.getAndIncrement();
            TargetVerticle verticle = new TargetVerticle(state, initialOptions.host(), initialOptions.port(),
                    initialOptions.seed() + instance, instance == 0 ? new CapacityScaler(state) : null);
            created.add(verticle);
            return verticle;
        }, deployment).map(id -> {
            synchronized (this) {
                deploymentId = id;
            }
            return created.get(0).actualPort();
        });
    }

    /**
     * Stops listening and, if this target created its Vertx, closes it; waits at most 30 s. Responses still
     * pending are dropped. Idempotent.
     *
     * @throws IllegalStateException if called on an event loop or stopping failed
     */
    @Override
    public void close() {
        requireNotOnEventLoop("close");
        Future<Void> stopped;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (vertx == null) {
                return;
            }
            if (sharedVertx == null) {
                stopped = vertx.close();
            } else if (deploymentId != null) {
                stopped = vertx.undeploy(deploymentId);
            } else {
                return;
            }
        }
        await(stopped.toCompletionStage().toCompletableFuture(), "close");
    }

    /**
     * @return the bound port
     * @throws IllegalStateException if not started
     */
    public int port() {
        int bound = port;
        if (bound < 0) {
            throw new IllegalStateException("not started");
        }
        return bound;
    }

    /** @return {@code http://HOST:PORT}, without a trailing slash; throws IllegalStateException if not started */
    public String baseUrl() {
        return "http://" + initialOptions.host() + ":" + port();
    }

    /** @return the options in effect, including any {@link #reconfigure(Options) reconfiguration} */
    public Options options() {
        return state.options();
    }

    /**
     * Changes base latency, latency model, error rate, capacity, stalls, scaling and leak from the next request
     * on (requests in service or queued keep their drawn service time). Host, port, event loops and seed are
     * fixed at start and taken from the current options, whatever {@code options} says. The stall schedule
     * stays anchored at start. A changed {@code capacity} resets the current capacity to it; otherwise a
     * scaled capacity is kept, within the new {@code [capacity, maxCapacity]}.
     */
    public void reconfigure(Options options) {
        state.reconfigure(Objects.requireNonNull(options, "options"));
    }

    /** @return requests received, every path except {@code /admin}, counted on arrival */
    public long requestsReceived() {
        return state.counters().received();
    }

    /** @return responses sent with this status code */
    public long responses(int status) {
        return state.counters().responses(status);
    }

    /** @return a copy of the responses sent by status code, sorted by status */
    public Map<Integer, Long> responsesByStatus() {
        return state.counters().responsesByStatus();
    }

    /**
     * @return distinct keys requested under {@code /api/items/{key}} (the path after {@code /api/items/},
     *         without the query); at most the first 1,000,000 are kept
     */
    public long distinctItemKeys() {
        return state.items().distinctKeys();
    }

    /** @return request body bytes received by {@code PUT} and {@code POST /api/items/{key}} */
    public long itemBodyBytes() {
        return state.items().bodyBytes();
    }

    /** @return the body sizes of the first 100,000 {@code PUT} and {@code POST /api/items/{key}}, in arrival order */
    public List<Long> itemBodySizes() {
        return state.items().bodySizes();
    }

    /** @return requests in service now (admitted, response not yet sent), including ones held by a stall */
    public long inService() {
        return state.queue().inService();
    }

    /** @return requests waiting for capacity now */
    public long queued() {
        return state.queue().queued();
    }

    /** @return the longest the capacity queue has been since start */
    public long maxQueueLength() {
        return state.queue().maxQueued();
    }

    /** @return the capacity now: requests in service at once, grown or shrunk by scaling; 0 = unlimited */
    public int capacity() {
        return state.queue().capacity();
    }

    /** @return the capacity changes made by scaling, oldest first (at most the last 1,000) */
    public List<ScaleEvent> scaleEvents() {
        return state.scaleEvents();
    }

    /**
     * One capacity change made by scaling.
     *
     * @param at   when it happened (wall clock)
     * @param from the capacity before
     * @param to   the capacity after
     */
    public record ScaleEvent(java.time.Instant at, int from, int to) {
        /** @throws NullPointerException if {@code at} is null */
        public ScaleEvent {
            Objects.requireNonNull(at, "at");
        }
    }

    private static void requireNotOnEventLoop(String operation) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException(operation + " blocks and must not be called on an event loop");
        }
    }

    private static <T> T await(CompletableFuture<T> future, String operation) {
        try {
            return future.get(LIFECYCLE_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(operation + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(operation + " did not finish within " + LIFECYCLE_TIMEOUT_S + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(operation + " interrupted", e);
        }
    }

    /**
     * Immutable, validated settings of a {@link DemoTarget}. Build with {@link #builder()} or
     * {@link #newBuilder()}.
     *
     * @param host          address to bind and to put in {@link #baseUrl()}; default {@code 127.0.0.1}
     * @param port          port to bind, {@code 0} for an ephemeral one (the default)
     * @param eventLoops    event loops (server instances sharing the port); default 1. Only one event loop
     *                      makes latency and error draws reproducible from the seed.
     * @param baseLatency   service time added to every delayed request; default zero
     * @param latency       random service time added to the base; default {@link LatencyModel#NONE}
     * @param errorRate     fraction of delayed requests answered 500, in {@code [0, 1]}; default 0
     * @param capacity      requests in service at once, beyond which they queue FIFO; 0 (default) = unlimited
     * @param stallDuration how long each stall freezes responses; zero (default) = no stalls
     * @param stallPeriod   time between stall starts, the first one period after start; greater than
     *                      {@code stallDuration} when stalls are on
     * @param scaleOutStep  requests of capacity added per scale-out step; 0 (default) = no scaling. Needs a
     *                      limited {@code capacity}, a positive {@code scaleOutDelay} and a larger
     *                      {@code maxCapacity}
     * @param scaleOutDelay how long requests must have been waiting without a break before a step out; default zero
     * @param maxCapacity   the most capacity scaling may reach; 0 (default) when not scaling
     * @param scaleInIdle   how long the capacity must have been a step too large (nothing waiting, requests in
     *                      service fitting one step less) before a step in; zero (default) = never scales in
     * @param leakPerSecond service time added per second of uptime; zero (default) = no leak
     * @param seed          seed of the latency and error draws; default 42
     */
    public record Options(String host, int port, int eventLoops, Duration baseLatency, LatencyModel latency,
                          double errorRate, int capacity, Duration stallDuration, Duration stallPeriod,
                          int scaleOutStep, Duration scaleOutDelay, int maxCapacity, Duration scaleInIdle,
                          Duration leakPerSecond, long seed) {

        /** @throws IllegalArgumentException listing every invalid field */
        public Options {
            List<String> problems = new ArrayList<>();
            if (host == null || host.isBlank()) {
                problems.add("host: must not be blank");
            }
            if (port < 0 || port > 65_535) {
                problems.add("port: " + port + " is not within [0, 65535]");
            }
            if (eventLoops < 1) {
                problems.add("eventLoops: " + eventLoops + " is less than 1");
            }
            requireNonNegative(problems, "baseLatency", baseLatency);
            if (latency == null) {
                problems.add("latency: must not be null");
            }
            if (!(errorRate >= 0 && errorRate <= 1)) {
                problems.add("errorRate: " + errorRate + " is not within [0, 1]");
            }
            if (capacity < 0) {
                problems.add("capacity: " + capacity + " is negative");
            }
            requireNonNegative(problems, "stallDuration", stallDuration);
            requireNonNegative(problems, "stallPeriod", stallPeriod);
            if (problems.isEmpty() && !stallDuration.isZero() && stallPeriod.compareTo(stallDuration) <= 0) {
                problems.add("stallPeriod: " + stallPeriod + " must be greater than stallDuration " + stallDuration);
            }
            requireNonNegative(problems, "scaleOutDelay", scaleOutDelay);
            requireNonNegative(problems, "scaleInIdle", scaleInIdle);
            requireNonNegative(problems, "leakPerSecond", leakPerSecond);
            checkScaling(problems, capacity, scaleOutStep, scaleOutDelay, maxCapacity);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid DemoTarget options: " + String.join("; ", problems));
            }
        }

        /** @return a builder with every default */
        public static Builder builder() {
            return new Builder();
        }

        /** @return the default options: 127.0.0.1, ephemeral port, one event loop, no latency, errors or limits */
        public static Options defaults() {
            return builder().build();
        }

        /** @return a builder starting from these options */
        public Builder newBuilder() {
            return new Builder(this);
        }

        private static void checkScaling(List<String> problems, int capacity, int step, Duration delay, int max) {
            if (step < 0) {
                problems.add("scaleOutStep: " + step + " is negative");
            }
            if (max < 0) {
                problems.add("maxCapacity: " + max + " is negative");
            }
            if (step <= 0) {
                return;
            }
            if (capacity == 0) {
                problems.add("scaleOutStep: scaling needs a limited capacity (capacity is 0, unlimited)");
            } else if (max <= capacity) {
                problems.add("maxCapacity: " + max + " must be greater than capacity " + capacity + " to scale out");
            }
            if (delay != null && delay.isZero()) {
                problems.add("scaleOutDelay: must be positive to scale out");
            }
        }

        /** @return whether scale-out is on */
        public boolean scales() {
            return scaleOutStep > 0;
        }

        private static void requireNonNegative(List<String> problems, String name, Duration value) {
            if (value == null) {
                problems.add(name + ": must not be null");
            } else if (value.isNegative()) {
                problems.add(name + ": " + value + " is negative");
            }
        }

        /** A mutable, single-thread builder of {@link Options}; {@link #build()} validates. */
        public static final class Builder {
            private String host = "127.0.0.1";
            private int port;
            private int eventLoops = 1;
            private Duration baseLatency = Duration.ZERO;
            private LatencyModel latency = LatencyModel.NONE;
            private double errorRate;
            private int capacity;
            private Duration stallDuration = Duration.ZERO;
            private Duration stallPeriod = Duration.ZERO;
            private int scaleOutStep;
            private Duration scaleOutDelay = Duration.ZERO;
            private int maxCapacity;
            private Duration scaleInIdle = Duration.ZERO;
            private Duration leakPerSecond = Duration.ZERO;
            private long seed = 42;

            private Builder() {
            }

            private Builder(Options from) {
                host = from.host;
                port = from.port;
                eventLoops = from.eventLoops;
                baseLatency = from.baseLatency;
                latency = from.latency;
                errorRate = from.errorRate;
                capacity = from.capacity;
                stallDuration = from.stallDuration;
                stallPeriod = from.stallPeriod;
                scaleOutStep = from.scaleOutStep;
                scaleOutDelay = from.scaleOutDelay;
                maxCapacity = from.maxCapacity;
                scaleInIdle = from.scaleInIdle;
                leakPerSecond = from.leakPerSecond;
                seed = from.seed;
            }

            public Builder host(String host) {
                this.host = host;
                return this;
            }

            public Builder port(int port) {
                this.port = port;
                return this;
            }

            public Builder eventLoops(int eventLoops) {
                this.eventLoops = eventLoops;
                return this;
            }

            public Builder baseLatency(Duration baseLatency) {
                this.baseLatency = baseLatency;
                return this;
            }

            public Builder latency(LatencyModel latency) {
                this.latency = latency;
                return this;
            }

            public Builder errorRate(double errorRate) {
                this.errorRate = errorRate;
                return this;
            }

            public Builder capacity(int capacity) {
                this.capacity = capacity;
                return this;
            }

            /** Stalls of {@code duration} every {@code period}; {@code Duration.ZERO} duration turns them off. */
            public Builder stalls(Duration duration, Duration period) {
                this.stallDuration = duration;
                this.stallPeriod = period;
                return this;
            }

            /**
             * Scale out: after requests have waited without a break for {@code delay}, add {@code step} to the
             * capacity, up to {@code maxCapacity}. A {@code step} of 0 turns scaling off.
             */
            public Builder scaleOut(int step, Duration delay, int maxCapacity) {
                this.scaleOutStep = step;
                this.scaleOutDelay = delay;
                this.maxCapacity = maxCapacity;
                return this;
            }

            /** Scale in: a step less after {@code idle} of a step too much capacity; zero = never. */
            public Builder scaleIn(Duration idle) {
                this.scaleInIdle = idle;
                return this;
            }

            /** A leak: service time grows by {@code perSecond} per second of uptime; zero = none. */
            public Builder leak(Duration perSecond) {
                this.leakPerSecond = perSecond;
                return this;
            }

            public Builder seed(long seed) {
                this.seed = seed;
                return this;
            }

            /** @throws IllegalArgumentException listing every invalid field */
            public Options build() {
                return new Options(host, port, eventLoops, baseLatency, latency, errorRate, capacity,
                        stallDuration, stallPeriod, scaleOutStep, scaleOutDelay, maxCapacity, scaleInIdle,
                        leakPerSecond, seed);
            }
        }
    }
}
