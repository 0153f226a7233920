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
                addRamp(phases, "ramp_up", load.rampUp(), load, 0, 0.25);
                phases.add(Phase.of("before_spike", side, load.shape(0.25, 0.25)));
                phases.add(Phase.of("spike", hold, load.shape(1, 1)));
                phases.add(Phase.of("after_spike", side, load.shape(0.25, 0.25)));
                addRamp(phases, "ramp_down", load.rampDown(), load, 0.25, 0);
            }
            case STRESS -> {
                addRamp(phases, "ramp_up", load.rampUp(), load, 0, 1);
                int step = 1;
                for (double f = 1; f <= 3.0 + 1e-9; f *= 1.25) {
                    phases.add(Phase.of("step_" + step++, hold, load.shape(f, f)));
                }
                addRamp(phases, "ramp_down", load.rampDown(), load, Math.pow(1.25, step - 2), 0);
            }
            case SCALABILITY -> {
                addRamp(phases, "ramp_up", load.rampUp(), load, 0, 0.25);
                for (int pct = 25; pct <= 100; pct += 25) {
                    phases.add(Phase.of("level_" + pct, hold, load.shape(pct / 100.0, pct / 100.0)));
                }
                addRamp(phases, "ramp_down", load.rampDown(), load, 1, 0);
            }
            default -> {
                addRamp(phases, "ramp_up", load.rampUp(), load, 0, 1);
                phases.add(Phase.of("steady", hold, load.shape(1, 1)));
                addRamp(phases, "ramp_down", load.rampDown(), load, 1, 0);
            }
        }
        return List.copyOf(phases);
    }

    private static void addRamp(List<Phase> phases, String name, Duration length, LoadSettings load, double from,
                                double to) {
        if (!length.isZero()) {
            phases.add(Phase.of(name, length, load.shape(from, to)));
        }
    }
}
