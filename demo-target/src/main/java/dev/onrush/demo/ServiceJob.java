package dev.onrush.demo;

import io.vertx.core.Context;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One delayed request on its way through capacity, service time and stalls to its response.
 *
 * <p>Thread: {@link #submit()} is called on the request's event loop; the job always starts, waits and
 * responds on that event loop (its {@code context}), whichever thread released its capacity slot.
 */
final class ServiceJob {

    /** Service times are capped so that time arithmetic cannot overflow. */
    private static final long MAX_SERVICE_NS = Duration.ofHours(1).toNanos();

    private final Context context;
    private final TargetState state;
    private final long serviceNs;
    private final Runnable respond;

    /**
     * @param context   the event loop context of the request
     * @param serviceNs the service time drawn for it, in nanoseconds
     * @param respond   writes the response; runs on {@code context} once the service time (and any stall) is over
     */
    ServiceJob(Context context, TargetState state, long serviceNs, Runnable respond) {
        this.context = context;
        this.state = state;
        this.serviceNs = Math.min(Math.max(serviceNs, 0), MAX_SERVICE_NS);
        this.respond = respond;
    }

    /** Starts the service now if capacity allows, else queues it. Call on {@code context}. */
    void submit() {
        if (state.queue().admit(this)) {
            start();
        }
    }

    /** Starts the service of a job the queue has just admitted, from any thread. */
    void startOnItsContext() {
        context.runOnContext(ignored -> start());
    }

    private void start() {
        long nowNs = System.nanoTime();
        long delayNs = state.stalls().releaseAt(nowNs + serviceNs) - nowNs;
        if (delayNs <= 0) {
            finish();
        } else {
            context.owner().timer(delayNs, TimeUnit.NANOSECONDS).onSuccess(ignored -> finish());
        }
    }

    private void finish() {
        // Free the slot before writing so the next request's service starts as early as possible.
        ServiceJob next = state.queue().release();
        if (next != null) {
            next.startOnItsContext();
        }
        respond.run();
    }
}
