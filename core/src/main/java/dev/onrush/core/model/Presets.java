package dev.onrush.core.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands a test type and its {@link LoadSettings} into phases. {@code duration} is how long each load level is
 * held; ramps come before and after it.
 *
 * <ul>
 *   <li>baseline, volume, endurance, custom: {@code ramp_up} 0→peak, {@code steady} at peak, {@code ramp_down}
 *       peak→0 (a ramp of zero length is left out).</li>
 *   <li>spike: 25 % of peak for 2/5 of {@code duration}, peak for {@code duration}, 25 % for 2/5 of it (the
 *       seed's 2 min / 5 min / 2 min).</li>
 *   <li>stress: after {@code ramp_up}, steps at the peak × 1.25<sup>k</sup> up to 3× the peak, each held for
 *       {@code duration}.</li>
 *   <li>scalability: after {@code ramp_up}, 25, 50, 75 and 100 % of the peak, each held for {@code duration}.</li>
 * </ul>
 *
 * <p>Each phase gets its {@link PhaseRole} here, and the analyses read the role, not the name: {@code ramp_up}
 * and {@code ramp_down} are {@link PhaseRole#RAMP_UP} and {@link PhaseRole#RAMP_DOWN}, {@code steady}
 * {@link PhaseRole#STEADY}, {@code spike} {@link PhaseRole#SPIKE} (the quarter load around it
 * {@link PhaseRole#HOLD}), {@code step_k} {@link PhaseRole#STEP}, {@code level_k} {@link PhaseRole#LEVEL}; a stress
 * search's {@code warm_up}, {@code hold_k} and {@code settle_k} are {@link PhaseRole#WARMUP}, {@link PhaseRole#HOLD}
 * and {@link PhaseRole#SETTLE}.
 */
public final class Presets {

    private Presets() {
    }

    /** The phases {@code type} makes of {@code load}. */
    public static List<Phase> expand(TestType type, LoadSettings load) {
        List<Phase> phases = new ArrayList<>();
        Duration hold = load.duration();
        switch (type) {
            case SPIKE -> {
                Duration side = hold.multipliedBy(2).dividedBy(5);
                addRamp(phases, "ramp_up", PhaseRole.RAMP_UP, load.rampUp(), load, 0, 0.25);
                phases.add(Phase.of("before_spike", side, load.shape(0.25, 0.25), PhaseRole.HOLD));
                phases.add(Phase.of("spike", hold, load.shape(1, 1), PhaseRole.SPIKE));
                phases.add(Phase.of("after_spike", side, load.shape(0.25, 0.25), PhaseRole.HOLD));
                addRamp(phases, "ramp_down", PhaseRole.RAMP_DOWN, load.rampDown(), load, 0.25, 0);
            }
            case STRESS -> {
                return stressSteps(load, StressSettings.DEFAULT_STEPS);
            }
            case SCALABILITY -> {
                addRamp(phases, "ramp_up", PhaseRole.RAMP_UP, load.rampUp(), load, 0, 0.25);
                for (int pct = 25; pct <= 100; pct += 25) {
                    phases.add(Phase.of("level_" + pct, hold, load.shape(pct / 100.0, pct / 100.0),
                            PhaseRole.LEVEL));
                }
                addRamp(phases, "ramp_down", PhaseRole.RAMP_DOWN, load.rampDown(), load, 1, 0);
            }
            default -> {
                addRamp(phases, "ramp_up", PhaseRole.RAMP_UP, load.rampUp(), load, 0, 1);
                phases.add(Phase.of("steady", hold, load.shape(1, 1), PhaseRole.STEADY));
                addRamp(phases, "ramp_down", PhaseRole.RAMP_DOWN, load.rampDown(), load, 1, 0);
            }
        }
        return List.copyOf(phases);
    }

    /**
     * The stress staircase: after {@code ramp_up}, steps at the load × {@code growth}<sup>k</sup> up to
     * {@code max_factor} × the load, each held for {@code duration}, then {@code ramp_down}.
     */
    public static List<Phase> stressSteps(LoadSettings load, StressSettings stress) {
        List<Phase> phases = new ArrayList<>();
        addRamp(phases, "ramp_up", PhaseRole.RAMP_UP, load.rampUp(), load, 0, 1);
        int step = 1;
        double last = 1;
        for (double f = 1; f <= stress.maxFactor() + 1e-9; f *= stress.growth()) {
            phases.add(Phase.of("step_" + step++, load.duration(), load.shape(f, f), PhaseRole.STEP));
            last = f;
        }
        addRamp(phases, "ramp_down", PhaseRole.RAMP_DOWN, load.rampDown(), load, last, 0);
        return List.copyOf(phases);
    }

    /**
     * The phases of a stress search, as its {@link SearchLayout} places them: {@code warm_up} at {@code start_rate}
     * (when set), then {@link StressSettings#searchSlots()} slots of {@code step_k} (judged), {@code hold_k} (1 s at
     * the step's rate while it is judged) and, with a cooldown, {@code settle_k}. Only the first step's rate is known
     * before the run; the others are planned at {@code start_rate} and set as the run goes (a search ends early once
     * it has its answer).
     */
    public static List<Phase> stressSearch(StressSettings stress) {
        return SearchLayout.of(stress).phases(stress.startRate());
    }

    private static void addRamp(List<Phase> phases, String name, PhaseRole role, Duration length, LoadSettings load,
                                double from, double to) {
        if (!length.isZero()) {
            phases.add(Phase.of(name, length, load.shape(from, to), role));
        }
    }
}
