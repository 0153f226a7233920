package dev.onrush.core.model;

import java.time.Duration;
import java.util.Objects;

/**
 * When the generator, not the target, limited a run: past either bound the verdict is {@code INCONCLUSIVE}
 * instead of PASSED or FAILED.
 *
 * <p>Defaults: generator lag p99 above 50 ms (the engine got to its requests that late: the numbers measure the
 * generator, not the target), or more than 1 % of open-model arrivals dropped because the wait queue was full.
 *
 * @param maxLagP99          largest acceptable p99 of generator lag
 * @param maxDroppedPercent  largest acceptable share of dropped arrivals, in percent of all arrivals
 */
public record GeneratorLimits(Duration maxLagP99, double maxDroppedPercent) {

    /** 50 ms lag p99, 1 % dropped arrivals. */
    public static final GeneratorLimits DEFAULT = new GeneratorLimits(Duration.ofMillis(50), 1.0);

    public GeneratorLimits {
        Objects.requireNonNull(maxLagP99, "maxLagP99");
        if (maxLagP99.isNegative() || !(maxDroppedPercent >= 0)) {
            throw new IllegalArgumentException("generator limits must be >= 0");
        }
    }
}
