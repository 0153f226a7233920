package dev.onrush.core.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a stress test looks for the breaking point (the plan's {@code stress:} section).
 *
 * <ul>
 *   <li>{@link Mode#STEPS}: the preset's staircase of {@code load} × {@code factor}<sup>k</sup> up to
 *       {@code max_factor} × the load, each step held for {@code load.duration}; the run stops after the first
 *       step that fails.</li>
 *   <li>{@link Mode#SEARCH}: open-model steps of {@code step_duration} whose rate starts at {@code start_rate} and
 *       grows by {@code growth} until a step fails, then a binary search between the last passing and the first
 *       failing rate until they are within {@code precision} of each other. Each step is followed by a
 *       one-second {@code hold} at its rate (the time to judge it) and, when {@code cooldown} is not zero, a
 *       {@code settle} phase: at the same rate after a passing step, idle after a failing one. After a failing step
 *       whole step slots are left idle too until the requests it left outstanding have drained, so that the next
 *       step does not inherit its backlog.</li>
 * </ul>
 *
 * <p>A step fails when its error rate (dropped arrivals counted as failed) is above {@code maxErrorRate}, when one
 * of the test's latency or error-rate criteria breaks on the step's own data, or when the generator was the
 * bottleneck in it (its lag p99 or dropped arrivals beyond {@link GeneratorLimits}).
 *
 * @param mode            steps or search
 * @param startRate       search: the first step's arrivals per second
 * @param stepDuration    search: how long each step is judged on, whole seconds, at least 2 s
 * @param growth          search: the factor between steps until one fails, above 1; steps: the factor between steps
 * @param precision       search: stop when (breaking − sustainable) / sustainable is at most this fraction
 * @param maxRate         search: the highest rate tried
 * @param maxErrorRatePercent a step whose error rate (percent) is above this fails
 * @param cooldown        search: the settle phase after each step, whole seconds, zero for none (default 1 s)
 * @param maxFactor       steps: the last step is at most this multiple of the load
 * @param warmUp          search: a {@code warm_up} phase at {@code start_rate} before the first step, not judged (a
 *                        cold generator and target would spoil the first step), whole seconds, zero for none
 *                        (default 3 s)
 */
public record StressSettings(Mode mode, double startRate, Duration stepDuration, double growth, double precision,
                             double maxRate, double maxErrorRatePercent, Duration cooldown, double maxFactor,
                             Duration warmUp) {

    /** How the breaking point is looked for. */
    public enum Mode {
        /** The seed's staircase: load × 1.25 per step up to 3×, stopping at the first failing step. */
        STEPS,
        /** Open-model geometric growth, then a binary search. */
        SEARCH;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The staircase of the seed: × 1.25 up to 3×, stopping when the error rate is above 5 %. */
    public static final StressSettings DEFAULT_STEPS = new StressSettings(Mode.STEPS, 0, Duration.ZERO, 1.25, 0, 0,
            5, Duration.ZERO, 3, Duration.ZERO);

    public StressSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(stepDuration, "stepDuration");
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(warmUp, "warmUp");
        List<String> problems = new ArrayList<>();
        if (!(growth > 1) || Double.isInfinite(growth)) {
            problems.add("growth must be > 1, got " + growth);
        }
        if (!(maxErrorRatePercent >= 0 && maxErrorRatePercent <= 100)) {
            problems.add("max_error_rate must be within 0..100 %, got " + maxErrorRatePercent);
        }
        if (mode == Mode.SEARCH) {
            if (!(startRate > 0) || Double.isInfinite(startRate)) {
                problems.add("start_rate must be > 0, got " + startRate);
            }
            if (!(maxRate >= startRate) || Double.isInfinite(maxRate)) {
                problems.add("max_rate must be >= start_rate (" + startRate + "), got " + maxRate);
            }
            if (!(precision > 0 && precision < 1)) {
                problems.add("precision must be within 0..100 % (exclusive), got " + precision * 100 + " %");
            }
            if (stepDuration.compareTo(Duration.ofSeconds(2)) < 0 || stepDuration.toNanos() % 1_000_000_000L != 0) {
                problems.add("step_duration must be whole seconds, at least 2s, got "
                        + HumanDuration.format(stepDuration));
            }
            if (cooldown.isNegative() || cooldown.toNanos() % 1_000_000_000L != 0) {
                problems.add("cooldown must be whole seconds (0s for none), got " + HumanDuration.format(cooldown));
            }
            if (warmUp.isNegative() || warmUp.toNanos() % 1_000_000_000L != 0) {
                problems.add("warm_up must be whole seconds (0s for none), got " + HumanDuration.format(warmUp));
            }
        } else if (!(maxFactor >= 1) || Double.isInfinite(maxFactor)) {
            problems.add("max_factor must be >= 1, got " + maxFactor);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("stress: " + String.join("; ", problems));
        }
    }

    /**
     * A search with the defaults: 5 s steps growing × 2, to within 5 %, failing above 5 % errors, a 1 s cooldown
     * and a 3 s warm-up.
     */
    public static StressSettings search(double startRate, double maxRate) {
        return new StressSettings(Mode.SEARCH, startRate, Duration.ofSeconds(5), 2.0, 0.05, maxRate, 5,
                Duration.ofSeconds(1), 3, Duration.ofSeconds(3));
    }

    /**
     * The most steps a search can take: the geometric climb from {@code start_rate} to {@code max_rate}, the binary
     * search down to {@code precision}, and a climb down (by {@code growth}) when the first step already fails.
     */
    public int maxSearchSteps() {
        int climb = (int) Math.ceil(Math.log(maxRate / startRate) / Math.log(growth)) + 1;
        int bisect = (int) Math.ceil(Math.log((growth - 1) / precision) / Math.log(2)) + 1;
        int descent = (int) Math.ceil(Math.log(startRate) / Math.log(growth)) + 1;
        return Math.max(climb, descent) + bisect;
    }

    /**
     * The step slots a search plans: {@link #maxSearchSteps()} twice over, since after a failing step whole slots
     * may be left idle while the target works off its backlog.
     */
    public int searchSlots() {
        return 2 * maxSearchSteps();
    }
}
