package dev.onrush.probe.cloudwatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One metric the probe reads: an entry of {@code metrics:} or a default for {@code auto_scaling_group} /
 * {@code load_balancer}. Immutable.
 *
 * @param id         the GetMetricData query id (lower-case start, letters, digits, underscores), unique per probe
 * @param alias      the metric name of the samples
 * @param namespace  e.g. {@code AWS/EC2}
 * @param name       e.g. {@code CPUUtilization}
 * @param dimensions e.g. {@code {AutoScalingGroupName: web}}
 * @param stat       {@code Average}, {@code Sum}, {@code Maximum}, {@code p99}, ...
 * @param unit       the samples' unit, e.g. {@code percent}; empty when unknown
 */
record MetricQuery(String id, String alias, String namespace, String name, Map<String, String> dimensions,
                   String stat, String unit) {

    private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");
    private static final List<String> ENTRY_KEYS = List.of("namespace", "name", "dimensions", "stat", "alias", "unit");

    MetricQuery {
        Objects.requireNonNull(alias, "alias");
        dimensions = Map.copyOf(dimensions);
    }

    /** The defaults: EC2 CPU of the group; target response time, request count and 5xx of the load balancer. */
    static List<MetricQuery> defaults(String autoScalingGroup, String loadBalancer) {
        List<MetricQuery> out = new ArrayList<>();
        if (autoScalingGroup != null) {
            out.add(new MetricQuery("cpu", "cpu", "AWS/EC2", "CPUUtilization",
                    Map.of("AutoScalingGroupName", autoScalingGroup), "Average", "percent"));
        }
        if (loadBalancer != null) {
            Map<String, String> lb = Map.of("LoadBalancer", loadBalancer);
            out.add(new MetricQuery("target_response_time", "target_response_time", "AWS/ApplicationELB",
                    "TargetResponseTime", lb, "Average", "s"));
            out.add(new MetricQuery("request_count", "request_count", "AWS/ApplicationELB", "RequestCount", lb,
                    "Sum", "count"));
            out.add(new MetricQuery("target_5xx", "target_5xx", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count",
                    lb, "Sum", "count"));
        }
        return out;
    }

    /**
     * Reads the {@code metrics:} list; every problem is collected in {@code problems} as
     * {@code metrics[i].key: ...}.
     */
    static List<MetricQuery> parse(List<Object> entries, List<String> problems) {
        List<MetricQuery> out = new ArrayList<>();
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = "metrics[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                problems.add(at + ": expected a map {namespace, name, dimensions, stat, alias}, got "
                        + entries.get(i));
                continue;
            }
            entry.keySet().stream().map(String::valueOf).filter(k -> !ENTRY_KEYS.contains(k))
                    .forEach(k -> problems.add(at + "." + k + ": unknown key; accepted: " + ENTRY_KEYS));
            String namespace = text(entry.get("namespace"));
            String name = text(entry.get("name"));
            if (namespace == null) {
                problems.add(at + ".namespace: missing");
            }
            if (name == null) {
                problems.add(at + ".name: missing");
            }
            Map<String, String> dims = new LinkedHashMap<>();
            Object d = entry.get("dimensions");
            if (d instanceof Map<?, ?> m) {
                m.forEach((k, v) -> dims.put(String.valueOf(k), String.valueOf(v)));
            } else if (d != null) {
                problems.add(at + ".dimensions: expected a map {name: value}, got " + d);
            }
            String stat = text(entry.get("stat"));
            String alias = text(entry.get("alias"));
            if (alias == null) {
                alias = name == null ? "m" + i : name;
            }
            String id = idOf(alias, i);
            if (ids.putIfAbsent(id, i) != null) {
                problems.add(at + ".alias: \"" + alias + "\" is the alias of metrics[" + ids.get(id)
                        + "] too; aliases must differ");
            }
            String unit = text(entry.get("unit"));
            if (namespace != null && name != null) {
                out.add(new MetricQuery(id, alias, namespace, name, dims, stat == null ? "Average" : stat,
                        unit == null ? "" : unit));
            }
        }
        return out;
    }

    /** {@code alias} if it is a valid query id, else a valid id made from it (lower-cased, other characters _). */
    static String idOf(String alias, int index) {
        if (ID.matcher(alias).matches()) {
            return alias;
        }
        String cleaned = alias.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return ID.matcher(cleaned).matches() ? cleaned : "m" + index + "_" + cleaned;
    }

    private static String text(Object v) {
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }
}
