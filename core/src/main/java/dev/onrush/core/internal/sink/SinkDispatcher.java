package dev.onrush.core.internal.sink;

import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.sink.ResultSink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Hands run data to every sink on the sink's own worker thread. Methods may be called from any thread (the
 * collector, the probe worker); they never block except {@link #complete}, which waits for the sinks to finish.
 * Nothing may be handed over after {@link #complete}. The first {@code localSinks} sinks write the run folder: they
 * finish {@code onComplete} before the other sinks get theirs, so a sink that uploads the folder finds it written.
 */
public final class SinkDispatcher {

    private static final int QUEUE = 4096;

    private final List<Lane> lanes = new ArrayList<>();
    private final int localSinks;
    private final Consumer<String> warn;

    /**
     * @param sinks      the sinks, in order
     * @param localSinks how many of the first sinks write the run folder (completed before the others)
     * @param warn       where to report a sink failure (once per sink and kind)
     */
    public SinkDispatcher(List<ResultSink> sinks, int localSinks, Consumer<String> warn) {
        if (localSinks < 0 || localSinks > sinks.size()) {
            throw new IllegalArgumentException("localSinks must be 0 to " + sinks.size() + ", got " + localSinks);
        }
        this.localSinks = localSinks;
        this.warn = warn;
        for (ResultSink s : sinks) {
            lanes.add(new Lane(s));
        }
    }

    public void start(RunInfo info) {
        lanes.forEach(l -> l.submit("onStart", s -> s.onStart(info)));
    }

    public void interval(IntervalSnapshot interval) {
        lanes.forEach(l -> l.submit("onInterval", s -> s.onInterval(interval)));
    }

    /** Hands one probe sample to every sink. */
    public void probeSample(ProbeSample sample) {
        lanes.forEach(l -> l.submit("onProbeSample", s -> s.onProbeSample(sample)));
    }

    /**
     * Hands over the result, first to the local sinks and, once they finished, to the others, and waits up to
     * {@code timeout} in all for every sink to finish. Returns the sink failures counted over the run.
     */
    public long complete(RunResult result, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long failures = finish(lanes.subList(0, localSinks), result, deadline, timeout);
        return failures + finish(lanes.subList(localSinks, lanes.size()), result, deadline, timeout);
    }

    private long finish(List<Lane> group, RunResult result, long deadline, Duration timeout) {
        group.forEach(l -> l.submit("onComplete", s -> s.onComplete(result)));
        long failures = 0;
        for (Lane l : group) {
            l.executor.shutdown();
            try {
                if (!l.executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    warn.accept("sink " + l.name + " did not finish within " + timeout.toSeconds() + " s");
                    l.executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            failures += l.failures + l.dropped;
        }
        return failures;
    }

    private final class Lane {
        final ResultSink sink;
        final String name;
        final ThreadPoolExecutor executor;
        volatile long failures;
        volatile long dropped;
        private boolean warnedFailure;
        private boolean warnedDrop;

        Lane(ResultSink sink) {
            this.sink = sink;
            this.name = sink.getClass().getSimpleName();
            this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
                Thread t = new Thread(r, "onrush-sink-" + name);
                t.setDaemon(true);
                return t;
            });
        }

        synchronized void submit(String what, Function<ResultSink, CompletionStage<Void>> call) {
            try {
                executor.execute(() -> invoke(what, call));
            } catch (RejectedExecutionException e) {
                dropped++;
                if (!warnedDrop) {
                    warnedDrop = true;
                    warn.accept("sink " + name + " is too slow: its queue is full, dropping " + what
                            + " calls (counted)");
                }
            }
        }

        private void invoke(String what, Function<ResultSink, CompletionStage<Void>> call) {
            try {
                call.apply(sink).toCompletableFuture().get(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                failures++;
                if (!warnedFailure) {
                    warnedFailure = true;
                    Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null
                            ? e.getCause() : e;
                    warn.accept("sink " + name + " failed in " + what + ": " + cause);
                }
            }
        }
    }
}
