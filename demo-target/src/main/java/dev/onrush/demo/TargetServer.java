package dev.onrush.demo;

import dev.onrush.demo.DemoTarget.Options;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lifecycle of one {@link DemoTarget}: deploys its {@link TargetVerticle}s, one per event loop, on a Vertx of its
 * own (closed on {@link #close()}) or a shared one (only undeployed), once; and closes them once.
 *
 * <p>Thread-safety: any thread; {@link #start()} and the state it changes are guarded by this object's lock, and
 * {@link #close()} waits for Vert.x outside of it. {@link #close()} and {@link #await} block, so they must not run on
 * an event loop.
 */
final class TargetServer {

    private static final long LIFECYCLE_TIMEOUT_S = 30;

    private final Vertx sharedVertx;
    private final Options initialOptions;
    private final TargetState state;
    private Vertx vertx;
    private String deploymentId;
    private boolean started;
    private boolean closed;

    /** @param sharedVertx the Vertx to deploy on, or null to create (and later close) an own one */
    TargetServer(Vertx sharedVertx, Options initialOptions, TargetState state) {
        this.sharedVertx = sharedVertx;
        this.initialOptions = initialOptions;
        this.state = state;
    }

    /**
     * Starts the stall clock and deploys.
     *
     * @return completes with the bound port, or fails if the server cannot listen
     * @throws IllegalStateException if already started or closed
     */
    synchronized Future<Integer> start() {
        if (started || closed) {
            throw new IllegalStateException(closed ? "closed" : "already started");
        }
        started = true;
        vertx = sharedVertx != null ? sharedVertx : Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(initialOptions.eventLoops())
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        state.startClock(System.nanoTime());
        return deploy();
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

    /** Undeploys, or closes the own Vertx; waits at most 30 s. Idempotent. */
    void close() {
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

    /** @throws IllegalStateException if called on an event loop, naming the blocking {@code operation} */
    static void requireNotOnEventLoop(String operation) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException(operation + " blocks and must not be called on an event loop");
        }
    }

    /** Waits at most 30 s; a failure, the timeout or an interrupt becomes an IllegalStateException naming it. */
    static <T> T await(CompletableFuture<T> future, String operation) {
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
}
