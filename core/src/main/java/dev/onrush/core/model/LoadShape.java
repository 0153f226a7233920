package dev.onrush.core.model;

/**
 * How much load a phase applies, and in which model. Constant when {@code from == to}, otherwise a linear ramp
 * over the phase.
 */
public sealed interface LoadShape permits LoadShape.Users, LoadShape.Rate {

    /** The shape as short text, e.g. {@code "users 0→100"} or {@code "rate 500/s"}. */
    String describe();

    /** Closed model: this many virtual users loop over their scenarios (with think time). */
    static Users users(int from, int to) {
        return new Users(from, to);
    }

    /** Open model: new arrivals per second, whatever the target's response times. */
    static Rate rate(double fromPerSec, double toPerSec) {
        return new Rate(fromPerSec, toPerSec);
    }

    /**
     * Closed model: virtual users, ramping linearly from {@code from} to {@code to}.
     *
     * @param from users at the start of the phase, {@code >= 0}
     * @param to   users at its end, {@code >= 0}
     */
    record Users(int from, int to) implements LoadShape {
        public Users {
            if (from < 0 || to < 0) {
                throw new IllegalArgumentException("users must be >= 0, got from=" + from + " to=" + to);
            }
            if (from == 0 && to == 0) {
                throw new IllegalArgumentException("users: from and to cannot both be 0");
            }
        }

        @Override
        public String describe() {
            return from == to ? "users " + from : "users " + from + "→" + to;
        }
    }

    /**
     * Open model: arrivals per second, ramping linearly from {@code fromPerSec} to {@code toPerSec}.
     *
     * @param fromPerSec arrival rate at the start of the phase, {@code >= 0}
     * @param toPerSec   arrival rate at its end, {@code >= 0}
     */
    record Rate(double fromPerSec, double toPerSec) implements LoadShape {
        public Rate {
            if (!(fromPerSec >= 0) || !(toPerSec >= 0) || Double.isInfinite(fromPerSec)
                    || Double.isInfinite(toPerSec)) {
                throw new IllegalArgumentException("rate must be finite and >= 0, got from=" + fromPerSec
                        + " to=" + toPerSec);
            }
            if (fromPerSec == 0 && toPerSec == 0) {
                throw new IllegalArgumentException("rate: from and to cannot both be 0");
            }
        }

        @Override
        public String describe() {
            return fromPerSec == toPerSec ? "rate " + fmt(fromPerSec) + "/s"
                    : "rate " + fmt(fromPerSec) + "→" + fmt(toPerSec) + "/s";
        }

        private static String fmt(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
