package dev.onrush.core.internal.stress;

import java.util.Locale;

/**
 * One judged step of a stress test, with the figures of its own phase.
 *
 * @param number           1 for the first step judged
 * @param phase            the step's phase name
 * @param rate             arrivals per second it ran at (0 for a users step)
 * @param users            virtual users it held (0 for a rate step)
 * @param requests         requests completed in it
 * @param throughputRps    requests completed per second
 * @param errorRatePercent errors and dropped arrivals over attempts, in percent
 * @param dropped          arrivals the generator dropped with every connection busy
 * @param p95Ms            its latency p95, {@code NaN} without responses
 * @param passed           whether it held
 * @param reason           why it failed, {@code null} when it passed
 * @param generatorLimited whether the generator, not the target, was the bottleneck
 */
record JudgedStep(int number, String phase, double rate, int users, long requests, double throughputRps,
                  double errorRatePercent, long dropped, double p95Ms, boolean passed, String reason,
                  boolean generatorLimited) {

    /** The users of a closed-model step, else its rate. */
    double load() {
        return users > 0 ? users : rate;
    }

    /** {@code "N users"} or {@code "R rps"}. */
    String describe() {
        return users > 0 ? users + " users" : fmt(rate) + " rps";
    }

    /** A whole number without decimals, else two. */
    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
