package dev.onrush.spi;

/**
 * The outcome of a run.
 *
 * <ul>
 *   <li>{@link #PASSED}: every criterion held and the generator kept up.</li>
 *   <li>{@link #FAILED}: at least one criterion broke.</li>
 *   <li>{@link #INCONCLUSIVE}: the generator itself was the bottleneck (its lag or dropped arrivals went past
 *       the documented bounds), so the numbers say more about the load generator than about the target.</li>
 *   <li>{@link #ABORTED}: the run was stopped before its end (signal, API call, or a fatal run error).</li>
 * </ul>
 */
public enum Verdict {
    PASSED(0), FAILED(1), INCONCLUSIVE(4), ABORTED(3);

    private final int exitCode;

    Verdict(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The process exit code the runner uses for this verdict: 0, 1, 4 or 3. */
    public int exitCode() {
        return exitCode;
    }
}
