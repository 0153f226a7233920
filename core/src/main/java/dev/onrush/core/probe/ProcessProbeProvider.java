package dev.onrush.core.probe;

import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.probe.Probe;
import dev.onrush.spi.probe.ProbeContext;
import dev.onrush.spi.probe.ProbeProvider;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code probes: [{id: process, period: 1s}]}: the load generator's own process, per window: {@code cpu_percent}
 * (its CPU time over the window as a share of all processors' time), {@code heap_used_mb}, {@code gc_pause_ms}
 * (collection time spent in the window), {@code gc_pause_percent} and, during a run, {@code event_loop_lag_ms}
 * (the largest lateness of a 20 ms heartbeat on any of the engine's event loops in the window). A generator whose CPU is saturated or
 * which spends a large share of the run in GC pauses limited the run itself: the verdict is then INCONCLUSIVE
 * (see {@code Judge}). Thread-safe provider; each probe is used by one thread.
 */
public final class ProcessProbeProvider implements ProbeProvider {

    public static final String ID = "process";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(ConfigKey.optional("period", ConfigKey.Type.DURATION, "1s", "how often to sample"));
    }

    @Override
    public Probe create(PluginConfig config) {
        return new ProcessProbe(config.duration("period"));
    }

    /** Samples the JVM's own management beans. */
    static final class ProcessProbe implements Probe {
        private final Duration period;
        private final com.sun.management.OperatingSystemMXBean os;
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        private final int processors = Runtime.getRuntime().availableProcessors();
        private long lastCpuNs = -1;
        private long lastGcMs;
        private volatile java.util.function.DoubleSupplier loopLagMs;

        ProcessProbe(Duration period) {
            this.period = period;
            this.os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            this.lastCpuNs = os.getProcessCpuTime();
            this.lastGcMs = gcMs();
        }

        @Override
        public void start(RunInfo run, ProbeContext context) {
            this.loopLagMs = context.eventLoopLagMs();
        }

        @Override
        public Duration period() {
            return period;
        }

        @Override
        public CompletionStage<List<ProbeSample>> sample(Instant from, Instant to) {
            double windowMs = Math.max(1, Duration.between(from, to).toNanos() / 1e6);
            long cpuNs = os.getProcessCpuTime();
            long gc = gcMs();
            double cpuPercent = lastCpuNs < 0 || cpuNs < 0 ? Double.NaN
                    : (cpuNs - lastCpuNs) / 1e6 / (windowMs * processors) * 100;
            double gcPauseMs = gc - lastGcMs;
            lastCpuNs = cpuNs;
            lastGcMs = gc;
            Map<String, String> dims = Map.of("processors", Integer.toString(processors));
            List<ProbeSample> samples = new java.util.ArrayList<>();
            if (!Double.isNaN(cpuPercent)) {
                samples.add(new ProbeSample(ID, "cpu_percent", to, Math.min(100, cpuPercent), "percent", dims));
            }
            samples.add(new ProbeSample(ID, "heap_used_mb", to, memory.getHeapMemoryUsage().getUsed() / 1e6, "MB",
                    dims));
            samples.add(new ProbeSample(ID, "gc_pause_ms", to, gcPauseMs, "ms", dims));
            java.util.function.DoubleSupplier lag = loopLagMs;
            if (lag != null) {
                samples.add(new ProbeSample(ID, "event_loop_lag_ms", to, lag.getAsDouble(), "ms", dims));
            }
            samples.add(new ProbeSample(ID, "gc_pause_percent", to, Math.min(100, gcPauseMs / windowMs * 100),
                    "percent", dims));
            return CompletableFuture.completedFuture(samples);
        }

        private long gcMs() {
            return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
        }
    }
}
