package dev.onrush.spi.probe;

import dev.onrush.spi.ProbeSample;

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
 * one and count it). The returned stage may complete on any thread. {@link #close} is called once, after the last
 * sample completed or timed out.
 *
 * <p>Failure: a thrown exception or failed stage is logged once and counted; it never fails the run.
 */
public interface Probe {

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
