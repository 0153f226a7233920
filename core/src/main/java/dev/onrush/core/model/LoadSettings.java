package dev.onrush.core.model;

import java.time.Duration;
import java.util.Objects;

/**
 * The inputs a test type's preset expands into phases (the plan's {@code load:} section). Either
 * {@code maxUsers} (closed model) or {@code ratePerSec} (open model) is set, not both.
 *
 * @param maxUsers   peak virtual users, or 0 when the load is a rate
 * @param ratePerSec peak arrivals per second, or 0 when the load is users
 * @param duration   how long the peak is held (the steady part, ramps excluded), {@code > 0}
 * @param rampUp     ramp from 0 to the peak before it ({@link Duration#ZERO} for none)
 * @param rampDown   ramp from the peak to 0 after it ({@link Duration#ZERO} for none)
 */
public record LoadSettings(int maxUsers, double ratePerSec, Duration duration, Duration rampUp, Duration rampDown) {
    public LoadSettings {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(rampUp, "rampUp");
        Objects.requireNonNull(rampDown, "rampDown");
        if ((maxUsers > 0) == (ratePerSec > 0)) {
            throw new IllegalArgumentException("load: give exactly one of max_users (> 0) or rate (> 0)");
        }
        if (maxUsers < 0 || ratePerSec < 0) {
            throw new IllegalArgumentException("load: max_users and rate must be >= 0");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("load: duration must be > 0, got " + duration);
        }
        if (rampUp.isNegative() || rampDown.isNegative()) {
            throw new IllegalArgumentException("load: ramp_up and ramp_down must be >= 0");
        }
    }

    /** Closed model: {@code maxUsers} held for {@code duration} after {@code rampUp}, then {@code rampDown}. */
    public static LoadSettings users(int maxUsers, Duration duration, Duration rampUp, Duration rampDown) {
        return new LoadSettings(maxUsers, 0, duration, rampUp, rampDown);
    }

    /** Open model: {@code ratePerSec} held for {@code duration} after {@code rampUp}, then {@code rampDown}. */
    public static LoadSettings rate(double ratePerSec, Duration duration, Duration rampUp, Duration rampDown) {
        return new LoadSettings(0, ratePerSec, duration, rampUp, rampDown);
    }

    /** Whether the load is a rate (open model). */
    public boolean openModel() {
        return ratePerSec > 0;
    }

    /**
     * A shape going from {@code fromFraction} to {@code toFraction} of the peak. In the closed model a fraction
     * above 0 is at least one user, so a small peak never rounds a load level down to nobody.
     */
    public LoadShape shape(double fromFraction, double toFraction) {
        if (openModel()) {
            return LoadShape.rate(ratePerSec * fromFraction, ratePerSec * toFraction);
        }
        return LoadShape.users(users(fromFraction), users(toFraction));
    }

    private int users(double fraction) {
        int n = (int) Math.round(maxUsers * fraction);
        return fraction > 0 ? Math.max(1, n) : n;
    }
}
