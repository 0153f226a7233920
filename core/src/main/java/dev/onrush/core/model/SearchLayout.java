package dev.onrush.core.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a stress search's phases lie: an optional {@code warm_up}, then {@code slots} step slots, each a judged
 * {@code step_k}, a {@link #HOLD} of one second at the step's rate while the step is judged and, with a cooldown, a
 * {@code settle_k}. {@link Presets#stressSearch} lays the phases out by it and the breaking-point search finds its
 * steps by it, so the slot arithmetic lives here once. Slots are counted from 0; phase indices are the test's.
 *
 * @param warmUp       the warm-up before the first step, {@link Duration#ZERO} for none
 * @param stepDuration how long each step is judged on
 * @param cooldown     the settle phase after each step's hold, {@link Duration#ZERO} for none
 * @param slots        how many step slots are planned, at least 1
 */
public record SearchLayout(Duration warmUp, Duration stepDuration, Duration cooldown, int slots) {

    /** The hold after each step: the time to judge it, at its rate. */
    public static final Duration HOLD = Duration.ofSeconds(1);

    public SearchLayout {
        Objects.requireNonNull(warmUp, "warmUp");
        Objects.requireNonNull(stepDuration, "stepDuration");
        Objects.requireNonNull(cooldown, "cooldown");
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be >= 1, got " + slots);
        }
    }

    /** The layout of {@code stress}'s search: its warm-up, step duration, cooldown and search slots. */
    public static SearchLayout of(StressSettings stress) {
        return new SearchLayout(stress.warmUp(), stress.stepDuration(), stress.cooldown(), stress.searchSlots());
    }

    /** The index of the first step: 1 after a warm-up, else 0. */
    public int firstStep() {
        return warmUp.isZero() ? 0 : 1;
    }

    /** The phases in one slot: step and hold, and a settle when there is a cooldown. */
    public int slotLength() {
        return hasSettle() ? 3 : 2;
    }

    /** Whether each slot ends with a settle phase. */
    public boolean hasSettle() {
        return !cooldown.isZero();
    }

    /** How many phases the search plans. */
    public int phaseCount() {
        return firstStep() + slots * slotLength();
    }

    /** The phase index of slot {@code slot}'s step. */
    public int stepPhase(int slot) {
        return firstStep() + slot * slotLength();
    }

    /** The phase index of slot {@code slot}'s hold. */
    public int holdPhase(int slot) {
        return stepPhase(slot) + 1;
    }

    /** The phase index of slot {@code slot}'s settle; only with {@link #hasSettle()}. */
    public int settlePhase(int slot) {
        if (!hasSettle()) {
            throw new IllegalStateException("a search without a cooldown has no settle phases");
        }
        return stepPhase(slot) + 2;
    }

    /** The slot phase {@code phase} (not the warm-up) belongs to. */
    public int slotOf(int phase) {
        return (phase - firstStep()) / slotLength();
    }

    /** The first phase whose rate is decided during the run: everything after the first step and its hold. */
    public int firstSteeredPhase() {
        return holdPhase(0) + 1;
    }

    /** How long one slot lasts: step, hold and cooldown. */
    public Duration slotDuration() {
        return stepDuration.plus(HOLD).plus(cooldown);
    }

    /**
     * The phases: {@code warm_up} ({@link PhaseRole#WARMUP}), then per slot {@code step_k} ({@link PhaseRole#STEP}),
     * {@code hold_k} ({@link PhaseRole#HOLD}) and {@code settle_k} ({@link PhaseRole#SETTLE}), {@code k} from 1,
     * every one at {@code ratePerSec}.
     */
    public List<Phase> phases(double ratePerSec) {
        LoadShape shape = LoadShape.rate(ratePerSec, ratePerSec);
        List<Phase> phases = new ArrayList<>();
        if (!warmUp.isZero()) {
            phases.add(Phase.of("warm_up", warmUp, shape, PhaseRole.WARMUP));
        }
        for (int k = 1; k <= slots; k++) {
            phases.add(Phase.of("step_" + k, stepDuration, shape, PhaseRole.STEP));
            phases.add(Phase.of("hold_" + k, HOLD, shape, PhaseRole.HOLD));
            if (hasSettle()) {
                phases.add(Phase.of("settle_" + k, cooldown, shape, PhaseRole.SETTLE));
            }
        }
        return List.copyOf(phases);
    }
}
