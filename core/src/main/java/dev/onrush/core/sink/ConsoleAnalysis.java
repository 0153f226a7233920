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

    /** The lines to print, empty when the analysis holds nothing this class knows. */
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
        return out;
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
                increase instanceof Number n ? String.format(Locale.ROOT, "%+.0f%%", n.doubleValue()) : "-", num(before.get("error_rate_percent")),
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
