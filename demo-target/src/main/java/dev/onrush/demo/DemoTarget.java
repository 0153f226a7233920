package dev.onrush.demo;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

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
 * <p>Scaling ({@link OptionsBuilder#scaleOut}, {@link OptionsBuilder#scaleIn}): {@link Options#capacity()} is
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
 * <p>Leak ({@link OptionsBuilder#leak}): every service time is longer by {@code leakPerSecond} for each second
 * since start (or since the leak was turned on or its rate changed by {@link #reconfigure}, keeping what had
 * leaked; setting it to zero heals the leak, like a restart), a stand-in for a service that slows down as it runs.
 *
 * <p>Thread-safety: all methods may be called from any thread; {@link #start()} and {@link #close()} block
 * and so must not be called on a Vert.x event loop. Counters are live values, each read atomically, not a
 * snapshot of all of them at one instant. Requests to {@code /admin} are not counted.
 */
public final class DemoTarget implements AutoCloseable {

    private final Options initialOptions;
    private final TargetState state;
    private final TargetServer server;
    private volatile int port = -1;

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
        this.initialOptions = Objects.requireNonNull(options, "options");
        this.state = new TargetState(options);
        this.server = new TargetServer(vertx, options, state);
    }

    /**
     * Starts listening on {@link Options#eventLoops()} event loops; the stall schedule starts now.
     *
     * @return completes with the bound port, or fails if the server cannot listen
     * @throws IllegalStateException if already started or closed
     */
    public CompletionStage<Integer> startAsync() {
        return server.start().onSuccess(bound -> port = bound).toCompletionStage();
    }

    /**
     * Starts and waits until listening, at most 30 s.
     *
     * @return the bound port
     * @throws IllegalStateException if already started, closed, called on an event loop, or listening failed
     */
    public int start() {
        TargetServer.requireNotOnEventLoop("start");
        return TargetServer.await(startAsync().toCompletableFuture(), "start");
    }

    /**
     * Stops listening and, if this target created its Vertx, closes it; waits at most 30 s. Responses still
     * pending are dropped. Idempotent.
     *
     * @throws IllegalStateException if called on an event loop or stopping failed
     */
    @Override
    public void close() {
        server.close();
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
        public static OptionsBuilder builder() {
            return new OptionsBuilder();
        }

        /** @return the default options: 127.0.0.1, ephemeral port, one event loop, no latency, errors or limits */
        public static Options defaults() {
            return builder().build();
        }

        /** @return a builder starting from these options */
        public OptionsBuilder newBuilder() {
            return new OptionsBuilder(this);
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
    }
}
