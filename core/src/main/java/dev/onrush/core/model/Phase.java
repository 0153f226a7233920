package dev.onrush.core.model;

import java.time.Duration;
import java.util.Objects;

/**
 * A stretch of a run with one load shape.
 *
 * @param name     unique within the test
 * @param duration how long, {@code > 0}
 * @param shape    the load it applies
 * @param role     what the phase is for: set by the presets, {@link PhaseRole#CUSTOM} for a phase a user writes
 */
public record Phase(String name, Duration duration, LoadShape shape, PhaseRole role) {
    public Phase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(role, "role");
        if (name.isBlank()) {
            throw new IllegalArgumentException("phase name must not be blank");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("phase '" + name + "': duration must be > 0, got " + duration);
        }
    }

    /** A user's phase: its role is {@link PhaseRole#CUSTOM}. */
    public Phase(String name, Duration duration, LoadShape shape) {
        this(name, duration, shape, PhaseRole.CUSTOM);
    }

    /** A user's phase of {@code duration} with the given shape (role {@link PhaseRole#CUSTOM}). */
    public static Phase of(String name, Duration duration, LoadShape shape) {
        return new Phase(name, duration, shape);
    }

    /** A phase of {@code duration} with the given shape and role. */
    public static Phase of(String name, Duration duration, LoadShape shape, PhaseRole role) {
        return new Phase(name, duration, shape, role);
    }

    /** This phase with another duration (name, shape and role kept). */
    public Phase withDuration(Duration value) {
        return new Phase(name, value, shape, role);
    }
}
