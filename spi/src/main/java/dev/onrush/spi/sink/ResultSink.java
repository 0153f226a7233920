package dev.onrush.spi.sink;

import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.RunResult;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Receives a run's data as it happens and at its end.
 *
 * <p>Order: {@link #onStart} once, then {@link #onInterval} once per interval in index order interleaved with
 * {@link #onProbeSample} once per probe sample in the order they were taken, then {@link #onComplete} once; the
 * next call starts only after the stage returned by the previous one completed (or after five minutes).
 * Calls come from one worker thread at a time, never from an event loop, never concurrently. A thrown
 * exception or failed stage is logged once and counted by the engine and does not stop later calls; a sink whose
 * queue is full loses that call (counted). Arguments are never {@code null}.
 */
public interface ResultSink {

    /** The run is about to start. Default: nothing. */
    default CompletionStage<Void> onStart(RunInfo run) {
        return CompletableFuture.completedFuture(null);
    }

    /** One interval (normally one second) has been merged. Default: nothing. */
    default CompletionStage<Void> onInterval(IntervalSnapshot interval) {
        return CompletableFuture.completedFuture(null);
    }

    /** A probe took a sample of the system under test. Default: nothing. */
    default CompletionStage<Void> onProbeSample(ProbeSample sample) {
        return CompletableFuture.completedFuture(null);
    }

    /** The run has ended and its result is final. */
    CompletionStage<Void> onComplete(RunResult result);
}
