package dev.onrush.core.internal.run;

import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.probe.Probe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Samples a run's probes at their periods on one scheduled worker thread, each over the window since its previous
 * sample, and hands every sample on. A probe whose previous sample is still running when the next is due skips
 * that one; a failing probe is reported once and counted. Neither ever fails the run.
 *
 * <p>Threading: {@link #start} and {@link #stop} are called by the run's thread; everything else, the collected
 * samples included, lives on the worker thread. Sample stages may complete on any thread: their results are
 * handed back to the worker.
 */
final class ProbeSampler {

    private final List<Slot> slots = new ArrayList<>();
    private final Consumer<ProbeSample> deliver;
    private final Consumer<String> warn;
    private final ScheduledExecutorService worker;
    private final List<ProbeSample> samples = new ArrayList<>();
    private final java.util.Map<Slot, Long> taken = new java.util.IdentityHashMap<>();
    /** Set by {@link #stop}: per probe, its samples, failures, skips and whether its series is complete. */
    private volatile java.util.Map<String, Object> health = java.util.Map.of();

    /**
     * @param deliver receives each sample on the worker thread, in the order taken; must not block
     * @param warn    where to report failing and slow probes (once per probe and kind)
     */
    ProbeSampler(List<Probe> probes, Consumer<ProbeSample> deliver, Consumer<String> warn) {
        this.deliver = deliver;
        this.warn = warn;
        probes.forEach(p -> slots.add(new Slot(p)));
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "onrush-probes");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.worker = executor;
    }

    /** Schedules every probe: the first window starts at {@code runStart}, {@code delayNs} from now. */
    void start(Instant runStart, long delayNs) {
        for (Slot s : slots) {
            Duration period;
            try {
                period = s.probe.period();
            } catch (RuntimeException e) {
                warn.accept("probe " + s.name + " failed in period(): " + e + "; it is not sampled");
                continue;
            }
            if (period == null || period.isNegative() || period.isZero()) {
                warn.accept("probe " + s.name + " has no positive period (" + period + "); it is not sampled");
                continue;
            }
            s.last = runStart;
            long periodNs = period.toNanos();
            s.schedule = worker.scheduleAtFixedRate(() -> tick(s), Math.max(0, delayNs) + periodNs, periodNs,
                    TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Stops sampling: takes a last sample of each probe for the window since its previous one, waits up to
     * {@code grace} for samples in flight, closes the probes and returns every sample taken, in order.
     */
    List<ProbeSample> stop(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        List<ProbeSample> taken = List.of();
        try {
            List<CompletableFuture<Void>> inFlight = worker.submit(() -> {
                List<CompletableFuture<Void>> pending = new ArrayList<>();
                for (Slot s : slots) {
                    if (s.schedule != null) {
                        s.schedule.cancel(false);
                        tick(s);
                        pending.add(s.inFlight);
                    }
                }
                return pending;
            }).get();
            try {
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                        .get(remaining(deadline), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                warn.accept("probe samples still running after " + grace.toSeconds() + " s are left out");
            }
            taken = worker.submit(() -> {
                report();
                health = health();
                return List.copyOf(samples);
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            warn.accept("probe worker failed: " + e.getCause());
        } finally {
            worker.shutdownNow();
            close(deadline);
        }
        return taken;
    }

    /** Worker thread. */
    private void tick(Slot s) {
        if (s.inFlight != null && !s.inFlight.isDone()) {
            s.skipped++;
            if (!s.warnedSlow) {
                s.warnedSlow = true;
                warn.accept("probe " + s.name + " is slow: a sample was due while the previous one was still running;"
                        + " skipping (counted)");
            }
            return;
        }
        Instant from = s.last;
        Instant to = Instant.now();
        s.last = to;
        CompletableFuture<Void> done = new CompletableFuture<>();
        s.inFlight = done;
        CompletionStage<List<ProbeSample>> stage;
        try {
            stage = s.probe.sample(from, to);
        } catch (RuntimeException e) {
            failed(s, e);
            done.complete(null);
            return;
        }
        stage.whenComplete((list, error) -> {
            try {
                worker.execute(() -> {
                    if (error != null) {
                        failed(s, error);
                    } else if (list != null) {
                        list.forEach(sample -> {
                            samples.add(sample);
                            deliver.accept(sample);
                        });
                        taken.merge(s, (long) list.size(), Long::sum);
                    }
                });
            } catch (RejectedExecutionException e) {
                // the run has ended: a sample this late is left out
            }
            // the sample is over once the probe answered, not once the worker filed it: a tick that runs late
            // (its due time already past) would otherwise run before the filing and count as skipped. Whatever
            // is filed later is queued behind this filing, so the order holds.
            done.complete(null);
        });
    }

    private void failed(Slot s, Throwable e) {
        s.failures++;
        if (!s.warnedFailure) {
            s.warnedFailure = true;
            warn.accept("probe " + s.name + " failed: " + e + " (counted; sampling goes on)");
        }
    }

    /**
     * Per probe (by its class name, numbered when two share one): samples taken, samples failed, samples skipped
     * because the previous one was still running, and {@code complete} (false as soon as one failed or was
     * skipped: its series has holes). Valid after {@link #stop}.
     */
    java.util.Map<String, Object> probeHealth() {
        return health;
    }

    private java.util.Map<String, Object> health() {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            String key = out.containsKey(s.name) ? s.name + "-" + (i + 1) : s.name;
            out.put(key, java.util.Map.of("samples", taken.getOrDefault(s, 0L), "failed", s.failures,
                    "skipped", s.skipped, "complete", s.failures == 0 && s.skipped == 0));
        }
        return java.util.Map.copyOf(out);
    }

    private void report() {
        for (Slot s : slots) {
            if (s.failures > 0 || s.skipped > 0) {
                warn.accept("probe " + s.name + ": " + s.failures + " samples failed, " + s.skipped
                        + " skipped as the previous one was still running");
            }
        }
    }

    private void close(long deadline) {
        for (Slot s : slots) {
            try {
                s.probe.close().toCompletableFuture().get(remaining(deadline), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                warn.accept("probe " + s.name + " failed to close: " + e);
            }
        }
    }

    private static long remaining(long deadline) {
        return Math.max(1, deadline - System.nanoTime());
    }

    /** One probe's state; worker thread only (after construction). */
    private static final class Slot {
        final Probe probe;
        final String name;
        Instant last;
        ScheduledFuture<?> schedule;
        CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);
        long failures;
        long skipped;
        boolean warnedFailure;
        boolean warnedSlow;

        Slot(Probe probe) {
            this.probe = probe;
            String simple = probe.getClass().getSimpleName();
            this.name = simple.isEmpty() ? probe.getClass().getName() : simple;
        }
    }
}
