package dev.onrush.core.model;

/**
 * What a phase is for, as the analyses read it. The presets ({@link Presets}) set it; a phase a user writes in a
 * plan or adds with {@link LoadTest.Builder#phase} is {@link #CUSTOM}, whatever its name, so that a user's phase
 * called {@code spike} or {@code step_1} does not change how a run is judged or analysed. The plan format has no
 * key for it: a plan written from a preset's test keeps its {@code load:} section, and parsing it derives the
 * roles again.
 *
 * <p>The spike analysis needs no roles for the phases around the spike: they are the spike's neighbours.
 */
public enum PhaseRole {
    /** Load before the measured phases, not judged: the stress search's {@code warm_up}. */
    WARMUP,
    /** The preset's ramp from no load (or a quarter of the peak) up to the first held level. */
    RAMP_UP,
    /** The held peak of baseline, volume, endurance and custom presets; criteria without a phase are judged on it. */
    STEADY,
    /** The spike preset's jump to the peak. */
    SPIKE,
    /** A judged step of a stress test: the staircase's {@code step_k} or a search's. */
    STEP,
    /**
     * A constant load held between the phases that matter, not judged itself: a stress search's one-second hold
     * after each step (the time to judge it), and the spike preset's quarter load before and after the spike.
     */
    HOLD,
    /** A stress search's cooldown after a step: the step's rate after a passing step, idle after a failing one. */
    SETTLE,
    /** A scalability level (25, 50, 75 and 100 % of the peak). */
    LEVEL,
    /** The preset's ramp from the last held level down to no load. */
    RAMP_DOWN,
    /** A phase the user wrote: the analyses go by its load shape, never by its name. */
    CUSTOM
}
