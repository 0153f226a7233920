package dev.onrush.core.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console's lines for a run's {@code analysis}: what the test type concluded, in a few lines under the
 * summary table (the HTML report and result.json hold the whole of it).
 */
final class ConsoleAnalysis {

    private ConsoleAnalysis() {
    }

    /** The volume analysis's lines (printed with the request table), empty without one. */
    static List<String> volumeLines(Map<String, Object> analysis) {
        List<String> out = new ArrayList<>();
        if (analysis.get("volume") instanceof Map<?, ?> volume) {
            volume(volume, out);
        }
        return out;
    }

    /** The other analyses' lines (printed after the criteria), empty when there is none this class knows. */
    static List<String> lines(Map<String, Object> analysis) {
        List<String> out = new ArrayList<>();
        if (analysis.get("mode") != null && analysis.containsKey("steps")) {
            stress(analysis, out);
        }
        if (analysis.get("spike") instanceof Map<?, ?> spike) {
            spike(spike, out);
        }
        if (analysis.get("endurance") instanceof Map<?, ?> endurance) {
            Object drift = endurance.get("drift");
            out.add("endurance: " + (drift instanceof List<?> l && !l.isEmpty() ? "DRIFT in " + l
                    : "no drift") + " (least squares over " + endurance.get("windows_fitted") + " windows of "
                    + endurance.get("window_s") + " s)");
        }
        if (analysis.get("scalability") instanceof Map<?, ?> scalability) {
            scalability(scalability, out);
        }
        return out;
    }

    private static void add(List<String> out, String format, Object... args) {
        out.add(String.format(Locale.ROOT, format, args));
    }

    /** The volume analysis: data rates, distinct keys, latency per payload-size class. */
    private static void volume(Map<?, ?> v, List<String> out) {
        add(out, "volume: sent %.2f MB/s, received %.2f MB/s (%s sent, %s received)%s",
                number(v.get("sent_mb_per_s")), number(v.get("received_mb_per_s")),
                fmtBytes(number(v.get("bytes_sent"))), fmtBytes(number(v.get("bytes_received"))),
                v.containsKey("distinct_keys") ? "; distinct keys " + v.get("distinct_keys") : "");
        if (v.get("buckets") instanceof List<?> buckets && !buckets.isEmpty()) {
            add(out, "  %-20s %9s %7s %9s %9s %9s", "payload size", "count", "err%", "p50", "p95",
                    "p99");
            for (Object o : buckets) {
                if (o instanceof Map<?, ?> b) {
                    double count = number(b.get("requests"));
                    add(out, "  %-20s %9.0f %6.2f%% %9s %9s %9s", b.get("bucket"), count,
                            count == 0 ? 0 : 100 * number(b.get("errors")) / count,
                            ConsoleSink.fmtMs(number(b.get("p50_ms"))), ConsoleSink.fmtMs(number(b.get("p95_ms"))),
                            ConsoleSink.fmtMs(number(b.get("p99_ms"))));
                }
            }
        }
    }

    /** A number, 0 when absent. */
    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }

    static String fmtBytes(double bytes) {
        return bytes >= 1e9 ? String.format(Locale.ROOT, "%.2f GB", bytes / 1e9)
                : bytes >= 1e6 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)
                : String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
    }

    /** The scalability analysis: a row per level, then the breach, time to scale and to recover, and the steps. */
    private static void scalability(Map<?, ?> a, List<String> out) {
        add(out, "scalability (capacity from %s; latency bound %s):", a.get("capacity_source"),
                String.join(", ", ((List<?>) a.get("latency_criteria")).stream().map(String::valueOf)
                        .toList()));
        add(out, "  %-12s %5s %10s %9s %9s %9s %10s", "level", "load", "throughput", "p95",
                "capacity", "per cap.", "efficiency");
        for (Object o : (List<?>) a.get("levels")) {
            Map<?, ?> l = (Map<?, ?>) o;
            add(out, "  %-12s %4.0f%% %8.1f/s %9s %9s %9s %10s", l.get("level"),
                    numOrNaN(l.get("load_percent")), numOrNaN(l.get("throughput_rps")),
                    ConsoleSink.fmtMs(numOrNaN(l.get("p95_ms"))),
                    number(l.get("capacity"), "%.0f"), number(l.get("throughput_per_capacity"), "%.2f"),
                    number(l.get("efficiency"), "%.2f"));
        }
        StringBuilder steps = new StringBuilder();
        for (Object o : (List<?>) a.get("capacity_steps")) {
            Map<?, ?> st = (Map<?, ?>) o;
            steps.append(steps.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f -> %.0f at %.1f s",
                    numOrNaN(st.get("from")), numOrNaN(st.get("to")), numOrNaN(st.get("at_s"))));
        }
        add(out, "  %s; time to scale %s; time to recover %s; capacity steps: %s",
                a.containsKey("breach_at_s") ? String.format(Locale.ROOT, "first broken at %.1f s (%s)",
                        numOrNaN(a.get("breach_at_s")), a.get("breach_phase")) : "never broken",
                number(a.get("time_to_scale_s"), "%.1f s"), number(a.get("time_to_recover_s"), "%.1f s"),
                steps.length() == 0 ? "none" : steps);
    }

    private static String number(Object v, String format) {
        return v instanceof Number n ? String.format(Locale.ROOT, format, n.doubleValue()) : String.valueOf(v);
    }

    /** A number, NaN when absent. */
    private static double numOrNaN(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }


    private static void stress(Map<String, Object> a, List<String> out) {
        boolean users = a.containsKey("max_sustainable_users") || a.containsKey("breaking_users");
        out.add(String.format(Locale.ROOT, "stress %s: max sustainable %s, breaking at %s", a.get("mode"),
                load(a, "max_sustainable", users), load(a, "breaking", users)));
        out.add("  " + a.get("reason"));
        out.add(String.format(Locale.ROOT, "  %-9s %12s %9s %9s %7s %9s  %s", "phase", users ? "users" : "rate",
                "requests", "rps", "err%", "p95", "result"));
        if (a.get("steps") instanceof List<?> steps) {
            for (Object o : steps) {
                Map<?, ?> s = (Map<?, ?>) o;
                Object level = s.containsKey("users") ? s.get("users") : num(s.get("rate")) + "/s";
                out.add(String.format(Locale.ROOT, "  %-9s %12s %9s %9s %7s %9s  %s", s.get("phase"), level,
                        s.get("requests"), num(s.get("throughput_rps")), num(s.get("error_rate_percent")),
                        s.get("p95_ms") instanceof Number p ? ConsoleSink.fmtMs(p.doubleValue()) : "-",
                        Boolean.TRUE.equals(s.get("passed")) ? "pass" : "FAIL: " + s.get("reason")));
            }
        }
    }

    private static String load(Map<String, Object> a, String key, boolean users) {
        Object rps = a.get(key + "_rps");
        if (rps == null) {
            return key.equals("breaking") ? "none found" : "none (no step passed)";
        }
        return users ? a.get(key + "_users") + " users (" + num(rps) + " rps)" : num(rps) + " rps";
    }

    private static void spike(Map<?, ?> s, List<String> out) {
        Map<?, ?> before = (Map<?, ?>) s.get("before");
        Map<?, ?> during = (Map<?, ?>) s.get("during");
        Object recovery = s.get("recovery_time_s");
        Object increase = s.get("p95_increase_percent");
        out.add(String.format(Locale.ROOT, "spike: p95 %s before, %s during (%s); errors %s%% before, %s%% "
                        + "during; %s", ms(before.get("p95_ms")), ms(during.get("p95_ms")),
                increase instanceof Number n ? String.format(Locale.ROOT, "%+.0f%%", n.doubleValue()) : "-",
                num(before.get("error_rate_percent")),
                num(during.get("error_rate_percent")), recovery instanceof Number n
                        ? "recovered " + num(n) + " s after the spike" : "not recovered"));
    }

    private static String ms(Object v) {
        return v instanceof Number n && n.doubleValue() >= 0 ? ConsoleSink.fmtMs(n.doubleValue()) : "-";
    }

    private static String num(Object v) {
        if (!(v instanceof Number n)) {
            return String.valueOf(v);
        }
        double d = n.doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
                : String.format(Locale.ROOT, "%.2f", d);
    }
}
