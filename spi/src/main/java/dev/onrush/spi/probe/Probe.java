package dev.onrush.spi.probe;

import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.RunInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Watches the system under test during a run, e.g. reads CPU or instance counts from a monitoring service.
 *
 * <p>Threading: the engine calls {@link #sample} from its one probe worker thread, never from an event loop,
 * at most once at a time per probe (a sample still running when the next one is due makes the engine skip that
 * one and count it). The returned stage may complete on any thread. {@link #start} is called once per run, before
 * the first sample; {@link #close} is called once, after the last sample completed or timed out.
 *
 * <p>Failure: a thrown exception or failed stage is logged once and counted; it never fails the run.
 */
public interface Probe {

    /**
     * Tells the probe about the run it watches: called once, on the thread that runs the test, just before the first
     * phase starts and before the first {@link #sample}; it must not block (no I/O). Neither argument is
     * {@code null}. A thrown exception is logged once; the probe is sampled all the same. Default: nothing.
     *
     * @param run     the run, as the sinks see it in {@code onStart}
     * @param context the plan's target URL and the generator's event-loop lag
     */
    default void start(RunInfo run, ProbeContext context) {
    }

    /** How often to sample; positive. Called once, before the first sample. */
    Duration period();

    /**
     * Takes the samples for the window {@code [from, to)}: the time since the previous call (or the run's start).
     * Returns an empty list when there is nothing new; never a {@code null} list.
     */
    CompletionStage<List<ProbeSample>> sample(Instant from, Instant to);

    /** Releases clients and threads. Default: nothing. */
    default CompletionStage<Void> close() {
        return CompletableFuture.completedFuture(null);
    }
}
