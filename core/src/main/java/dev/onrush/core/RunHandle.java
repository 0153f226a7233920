package dev.onrush.core;

import dev.onrush.core.internal.run.RunExecution;
import dev.onrush.spi.RunResult;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A run in progress. Thread-safe.
 */
public final class RunHandle {

    private final RunExecution execution;
    private final Path outputDir;
    private final CompletableFuture<RunResult> result;

    RunHandle(RunExecution execution, Path outputDir, CompletableFuture<RunResult> result) {
        this.execution = execution;
        this.outputDir = outputDir;
        this.result = result;
    }

    /** The run's id, e.g. {@code 20261127-110642-checkout}. */
    public String testId() {
        return execution.testId();
    }

    /** The run's local results folder. */
    public Path outputDir() {
        return outputDir;
    }

    /** Completes with the result once the run ended and every sink finished; fails only on an engine error. */
    public CompletionStage<RunResult> result() {
        return result.minimalCompletionStage();
    }

    /** Waits for the result. */
    public RunResult await() {
        return result.join();
    }

    /**
     * Stops generating load now; in-flight requests get a short grace, then the result so far is kept with verdict
     * ABORTED and {@code reason}. Returns at once.
     */
    public void abort(String reason) {
        execution.abort(reason);
    }

    /** Whether the run has ended. */
    public boolean isDone() {
        return result.isDone();
    }
}
