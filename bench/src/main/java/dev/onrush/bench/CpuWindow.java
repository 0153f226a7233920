package dev.onrush.bench;

import dev.onrush.spi.IntervalSnapshot;

import java.lang.management.ManagementFactory;
import java.util.function.Consumer;

/**
 * Process CPU time and requests of one phase, sampled at interval boundaries: each interval snapshot
 * samples {@code getProcessCpuTime}; the last sample of an interval before the phase opens the window and
 * the last sample of an interval of the phase closes it, and the requests of the phase's intervals are
 * summed. The window is therefore aligned with the engine's 1 s intervals, skewed only by the delay with
 * which the collector delivers a snapshot (milliseconds). CPU covers the whole process: event loop, JIT,
 * GC and collector threads.
 *
 * <p>Thread: {@link #accept} is called by the collector thread only; read the results after the run.
 */
final class CpuWindow implements Consumer<IntervalSnapshot> {

    private final String phase;
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private volatile long startCpuNs = -1;
    private volatile long endCpuNs = -1;
    private volatile long requests;

    CpuWindow(String phase) {
        this.phase = phase;
    }

    @Override
    public void accept(IntervalSnapshot s) {
        long cpuNs = os.getProcessCpuTime();
        if (s.phase().equals(phase)) {
            endCpuNs = cpuNs;
            requests += s.totals().requests();
        } else if (endCpuNs < 0) {
            startCpuNs = cpuNs; // still before the phase: this sample may open the window
        }
    }

    /** @return CPU seconds the process used during the phase, or NaN if it was not observed */
    double cpuSeconds() {
        return startCpuNs < 0 || endCpuNs < 0 ? Double.NaN : (endCpuNs - startCpuNs) / 1e9;
    }

    /** @return requests completed in the phase's intervals */
    long requests() {
        return requests;
    }

    /** @return CPU microseconds per request in the phase, or NaN */
    double cpuMicrosPerRequest() {
        return requests == 0 ? Double.NaN : cpuSeconds() * 1e6 / requests;
    }
}
