package dev.onrush.spi.sink;

import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.RunResult;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Receives a run's data as it happens and at its end.
 *
 * <p>Order: {@link #onStart} once, then {@link #onInterval} once per interval in index order, then
 * {@link #onComplete} once; the next call starts only after the stage returned by the previous one completed.
 * Calls come from one worker thread at a time, never from an event loop, never concurrently. A thrown
 * exception or failed stage is logged and counted by the engine and does not stop later calls.
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

    /** The run has ended and its result is final. */
    CompletionStage<Void> onComplete(RunResult result);
}
