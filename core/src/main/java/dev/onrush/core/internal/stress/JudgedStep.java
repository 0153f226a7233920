package dev.onrush.core.internal.stress;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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

    /**
     * Its row in {@code analysis.steps}: {@code step}, {@code phase}, {@code users} or {@code rate},
     * {@code requests}, {@code throughput_rps}, {@code error_rate_percent}, {@code dropped}, {@code p95_ms} (absent
     * without responses), {@code passed}, {@code reason} (when failed).
     */
    Map<String, Object> row() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("step", number);
        r.put("phase", phase);
        if (users > 0) {
            r.put("users", users);
        } else {
            r.put("rate", round(rate));
        }
        r.put("requests", requests);
        r.put("throughput_rps", round(throughputRps));
        r.put("error_rate_percent", round(errorRatePercent));
        r.put("dropped", dropped);
        if (!Double.isNaN(p95Ms)) {
            r.put("p95_ms", round(p95Ms));
        }
        r.put("passed", passed);
        if (reason != null) {
            r.put("reason", reason);
        }
        return r;
    }

    /** Rounded to 3 decimals. */
    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** A whole number without decimals, else two. */
    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
