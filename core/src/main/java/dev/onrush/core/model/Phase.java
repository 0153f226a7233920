package dev.onrush.core.model;

import java.time.Duration;
import java.util.Objects;

/**
 * A stretch of a run with one load shape.
 *
 * @param name     unique within the test
 * @param duration how long, {@code > 0}
 * @param shape    the load it applies
 */
public record Phase(String name, Duration duration, LoadShape shape) {
    public Phase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(shape, "shape");
        if (name.isBlank()) {
            throw new IllegalArgumentException("phase name must not be blank");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("phase '" + name + "': duration must be > 0, got " + duration);
        }
    }

    /** A phase of {@code duration} with the given shape. */
    public static Phase of(String name, Duration duration, LoadShape shape) {
        return new Phase(name, duration, shape);
    }
}
