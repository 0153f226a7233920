package dev.onrush.core.model;

import java.util.Locale;

/**
 * The question a test answers. Each type is a preset that expands {@link LoadSettings} into phases
 * (see {@link Presets}); explicit phases in a plan replace the preset.
 */
public enum TestType {
    /** Ramp up, hold the expected load, ramp down: how does the system behave at normal load? */
    BASELINE,
    /** A quarter of peak, a sudden jump to peak, back to a quarter: does it survive and recover? */
    SPIKE,
    /** Steps of growing load: where does it break? */
    STRESS,
    /** Normal load with large payloads and data sets. */
    VOLUME,
    /** Long steady load: does anything drift? */
    ENDURANCE,
    /** 25/50/75/100 % of max load while capacity is watched: does it scale? */
    SCALABILITY,
    /** Only explicit phases. */
    CUSTOM;

    /** The plan key, e.g. {@code "baseline"}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
