package dev.onrush.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onrush.core.model.Criterion;
import dev.onrush.core.model.GeneratorLimits;
import dev.onrush.core.model.HttpVersion;
import dev.onrush.core.model.HumanDuration;
import dev.onrush.core.model.LoadSettings;
import dev.onrush.core.model.StressSettings;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Phase;
import dev.onrush.core.model.PluginSpec;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.core.model.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a {@link LoadTest} as a plan in the format {@link PlanParser} reads, so that
 * {@code parser.parse(writer.toYaml(t), ...)} equals {@code t} (given a parser that knows the test's sink and
 * probe ids). A test built from {@code load} is written with {@code load:} (its phases follow from the preset);
 * one with explicit phases is written with {@code phases:}. Durations are human text, criteria are expressions
 * (objects when scoped or aborting), JSON bodies are written as YAML under {@code json:} when that reproduces the
 * body exactly. Immutable and thread-safe.
 */
public final class PlanWriter {

    private final ObjectMapper json = new ObjectMapper();

    /** The plan as YAML text. */
    public String toYaml(LoadTest test) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        return new Yaml(options).dump(tree(test));
    }

    /** The plan as plain maps and lists, in plan order. */
    Map<String, Object> tree(LoadTest t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("type", t.type().key());
        if (!t.tags().isEmpty()) {
            m.put("tags", new LinkedHashMap<>(t.tags()));
        }
        m.put("target", target(t.target()));
        if (t.load() != null) {
            m.put("load", load(t.load()));
        }
        if (t.stress() != null && !t.stress().equals(StressSettings.DEFAULT_STEPS)) {
            m.put("stress", stress(t.stress()));
        }
        m.put("scenarios", t.scenarios().stream().map(this::scenario).toList());
        if (t.load() == null && !t.isStressSearch()) {
            m.put("phases", t.phases().stream().map(PlanWriter::phase).toList());
        }
        if (!t.criteria().isEmpty()) {
            m.put("criteria", t.criteria().stream().map(PlanWriter::criterion).toList());
        }
        if (!t.sinks().isEmpty()) {
            m.put("sinks", t.sinks().stream().map(PlanWriter::plugin).toList());
        }
        if (!t.probes().isEmpty()) {
            m.put("probes", t.probes().stream().map(PlanWriter::plugin).toList());
        }
        if (!t.limits().equals(GeneratorLimits.DEFAULT)) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("max_lag_p99", HumanDuration.format(t.limits().maxLagP99()));
            g.put("max_dropped_percent", number(t.limits().maxDroppedPercent()));
            m.put("generator", g);
        }
        return m;
    }

    private static Map<String, Object> target(Target t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", t.url().toString());
        m.put("timeout", HumanDuration.format(t.timeout()));
        m.put("connect_timeout", HumanDuration.format(t.connectTimeout()));
        m.put("max_connections", t.maxConnections());
        m.put("max_queue", t.maxQueue());
        m.put("http_version", t.httpVersion() == HttpVersion.HTTP_2 ? "2" : "1.1");
        if (t.trustAllCertificates()) {
            m.put("tls", Map.of("trust_all", true));
        }
        return m;
    }

    private static Map<String, Object> stress(StressSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", s.mode().key());
        if (s.mode() == StressSettings.Mode.SEARCH) {
            m.put("start_rate", number(s.startRate()));
            m.put("step_duration", HumanDuration.format(s.stepDuration()));
            m.put("growth", number(s.growth()));
            m.put("precision", number(s.precision() * 100) + "%");
            m.put("max_rate", number(s.maxRate()));
            m.put("cooldown", HumanDuration.format(s.cooldown()));
            m.put("warm_up", HumanDuration.format(s.warmUp()));
        } else {
            m.put("growth", number(s.growth()));
            m.put("max_factor", number(s.maxFactor()));
        }
        m.put("max_error_rate", number(s.maxErrorRatePercent()) + "%");
        return m;
    }

    private static Map<String, Object> load(LoadSettings l) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (l.openModel()) {
            m.put("rate", number(l.ratePerSec()));
        } else {
            m.put("max_users", l.maxUsers());
        }
        m.put("duration", HumanDuration.format(l.duration()));
        if (!l.rampUp().isZero()) {
            m.put("ramp_up", HumanDuration.format(l.rampUp()));
        }
        if (!l.rampDown().isZero()) {
            m.put("ramp_down", HumanDuration.format(l.rampDown()));
        }
        return m;
    }

    private Map<String, Object> scenario(Scenario s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        if (s.weight() != 1) {
            m.put("weight", s.weight());
        }
        List<Step> steps = s.steps();
        boolean shorthand = steps.get(0) instanceof Step.Request && (steps.size() == 1
                || steps.size() == 2 && steps.get(1) instanceof Step.Think t && !t.duration().isZero());
        if (shorthand) {
            m.put("request", request((Step.Request) steps.get(0)));
            if (steps.size() == 2) {
                m.put("think_time", HumanDuration.format(((Step.Think) steps.get(1)).duration()));
            }
            return m;
        }
        List<Object> out = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Step.Request r) {
                out.add(Map.of("request", request(r)));
            } else {
                out.add(Map.of("think", HumanDuration.format(((Step.Think) step).duration())));
            }
        }
        m.put("steps", out);
        return m;
    }

    private Map<String, Object> request(Step.Request r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!r.name().equals(r.method() + " " + r.path())) {
            m.put("name", r.name());
        }
        m.put("method", r.method());
        m.put("path", r.path());
        if (!r.headers().isEmpty()) {
            m.put("headers", new LinkedHashMap<>(r.headers()));
        }
        if (r.bodySize() != null) {
            m.put("body_size", PayloadSizeMapper.write(r.bodySize()));
        }
        if (r.responseSize() != null) {
            m.put("response_size", PayloadSizeMapper.write(r.responseSize()));
        }
        Object jsonValue = ScenarioMapper.JSON.equals(r.contentType()) ? jsonValue(r.body()) : null;
        if (jsonValue != null) {
            m.put("json", jsonValue);
            return m;
        }
        if (r.body() != null) {
            m.put("body", r.body());
        }
        if (r.contentType() != null) {
            m.put("content_type", r.contentType());
        }
        return m;
    }

    /** The body as a JSON value if writing that value back gives exactly the body, else {@code null}. */
    private Object jsonValue(String body) {
        if (body == null) {
            return null;
        }
        try {
            Object value = json.readValue(body, Object.class);
            return value != null && json.writeValueAsString(value).equals(body) ? value : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Map<String, Object> phase(Phase p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("duration", HumanDuration.format(p.duration()));
        if (p.shape() instanceof LoadShape.Rate r) {
            m.put("rate", r.fromPerSec() == r.toPerSec() ? number(r.fromPerSec())
                    : ramp(number(r.fromPerSec()), number(r.toPerSec())));
        } else {
            LoadShape.Users u = (LoadShape.Users) p.shape();
            m.put("users", u.from() == u.to() ? u.from() : ramp(u.from(), u.to()));
        }
        return m;
    }

    private static Map<String, Object> ramp(Object from, Object to) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("to", to);
        return m;
    }

    private static Object criterion(Criterion c) {
        if (c.request() == null && c.phase() == null && !c.abortOnFail() && c.delay().isZero()) {
            return c.expression();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("expr", c.expression());
        if (c.request() != null) {
            m.put("request", c.request());
        }
        if (c.phase() != null) {
            m.put("phase", c.phase());
        }
        if (c.abortOnFail()) {
            m.put("abort_on_fail", true);
        }
        if (!c.delay().equals(Duration.ZERO)) {
            m.put("delay", HumanDuration.format(c.delay()));
        }
        return m;
    }

    private static Map<String, Object> plugin(PluginSpec p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.putAll(p.settings());
        return m;
    }

    /** Whole numbers without a fraction ({@code 500}, not {@code 500.0}). */
    private static Object number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) v;
    }
}
