package dev.onrush.core.internal.sink;

import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.sink.ResultSink;

import java.nio.file.Path;
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
 * What another sink fails to take (its call fails after its own retries, or its queue is full) is spooled into the
 * run folder ({@link Spool}) and reported at the end: nothing is lost, and no sink changes the verdict.
 */
public final class SinkDispatcher {

    private static final int QUEUE = 4096;

    private final List<Lane> lanes = new ArrayList<>();
    private final int localSinks;
    private final Consumer<String> warn;

    /** Without spooling (no run folder). */
    public SinkDispatcher(List<ResultSink> sinks, int localSinks, Consumer<String> warn) {
        this(sinks, localSinks, null, warn);
    }

    /**
     * @param sinks      the sinks, in order
     * @param localSinks how many of the first sinks write the run folder (completed before the others)
     * @param runDir     the run folder to spool undelivered data into, or {@code null} for none
     * @param warn       where to report a sink failure (once per sink and kind)
     */
    public SinkDispatcher(List<ResultSink> sinks, int localSinks, Path runDir, Consumer<String> warn) {
        if (localSinks < 0 || localSinks > sinks.size()) {
            throw new IllegalArgumentException("localSinks must be 0 to " + sinks.size() + ", got " + localSinks);
        }
        this.localSinks = localSinks;
        this.warn = warn;
        for (int i = 0; i < sinks.size(); i++) {
            ResultSink s = sinks.get(i);
            String name = s.getClass().getSimpleName().isEmpty() ? "sink" : s.getClass().getSimpleName();
            lanes.add(new Lane(s, name, runDir == null || i < localSinks ? null : new Spool(runDir, i, name)));
        }
    }

    public void start(RunInfo info) {
        lanes.forEach(l -> l.submit("onStart", s -> s.onStart(info), info));
    }

    public void interval(IntervalSnapshot interval) {
        lanes.forEach(l -> l.submit("onInterval", s -> s.onInterval(interval), interval));
    }

    /** Hands one probe sample to every sink. */
    public void probeSample(ProbeSample sample) {
        lanes.forEach(l -> l.submit("onProbeSample", s -> s.onProbeSample(sample), sample));
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
        group.forEach(l -> l.submit("onComplete", s -> s.onComplete(result), result));
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
            if (l.spool != null && l.spool.items() > 0) {
                warn.accept("sink " + l.name + " could not take " + l.spool.items() + " item(s); they are kept in "
                        + l.spool.where());
            }
        }
        return failures;
    }

    private final class Lane {
        final ResultSink sink;
        final String name;
        final Spool spool;
        final ThreadPoolExecutor executor;
        volatile long failures;
        volatile long dropped;
        private boolean warnedFailure;
        private boolean warnedDrop;

        Lane(ResultSink sink, String name, Spool spool) {
            this.sink = sink;
            this.name = name;
            this.spool = spool;
            this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
                Thread t = new Thread(r, "onrush-sink-" + name);
                t.setDaemon(true);
                return t;
            });
        }

        synchronized void submit(String what, Function<ResultSink, CompletionStage<Void>> call, Object payload) {
            try {
                executor.execute(() -> invoke(what, call, payload));
            } catch (RejectedExecutionException e) {
                dropped++;
                keep(payload);
                if (!warnedDrop) {
                    warnedDrop = true;
                    warn.accept("sink " + name + " is too slow: its queue is full, dropping " + what
                            + " calls (counted)");
                }
            }
        }

        private void keep(Object payload) {
            if (spool != null) {
                spool.keep(payload);
            }
        }

        private void invoke(String what, Function<ResultSink, CompletionStage<Void>> call, Object payload) {
            try {
                call.apply(sink).toCompletableFuture().get(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                keep(payload);
            } catch (Exception e) {
                failures++;
                keep(payload);
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
