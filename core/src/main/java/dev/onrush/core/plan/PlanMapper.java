package dev.onrush.core.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onrush.core.model.Criterion;
import dev.onrush.core.model.GeneratorLimits;
import dev.onrush.core.model.HttpVersion;
import dev.onrush.core.model.LoadSettings;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Phase;
import dev.onrush.core.model.PluginSpec;
import dev.onrush.core.model.Presets;
import dev.onrush.core.model.StressSettings;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Target;
import dev.onrush.core.model.TestType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.Node;

/** Maps a plan's node tree onto a {@link LoadTest}, collecting every problem in the {@link NodeReader}. */
final class PlanMapper {

    static final List<String> TOP_KEYS = List.of("name", "type", "tags", "target", "load", "scenarios", "phases",
            "criteria", "sinks", "probes", "generator", "stress");
    static final List<String> TARGET_KEYS = List.of("url", "timeout", "connect_timeout", "max_connections",
            "max_queue", "http_version", "tls");
    static final List<String> TLS_KEYS = List.of("trust_all");
    static final List<String> LOAD_KEYS = List.of("max_users", "rate", "duration", "ramp_up", "ramp_down");
    static final List<String> STRESS_KEYS = List.of("mode", "start_rate", "step_duration", "growth", "precision",
            "max_rate", "max_error_rate", "cooldown", "max_factor", "warm_up");
    static final List<String> GENERATOR_KEYS = List.of("max_lag_p99", "max_dropped_percent");

    private final NodeReader reader;
    private final ObjectMapper json;
    private final Set<String> sinkIds;
    private final Set<String> probeIds;

    PlanMapper(NodeReader reader, ObjectMapper json, Set<String> sinkIds, Set<String> probeIds) {
        this.reader = reader;
        this.json = json;
        this.sinkIds = sinkIds;
        this.probeIds = probeIds;
    }

    /** The test, or {@code null} when the reader holds problems. */
    LoadTest map(Node root) {
        MapNode m = reader.map(root, "", TOP_KEYS);
        if (m == null) {
            return null;
        }
        String name = m.requiredString("name");
        TestType type = type(m);
        Map<String, String> tags = m.stringMap("tags");
        Target target = m.has("target") ? target(m.get("target"), "target") : null;
        if (!m.has("target")) {
            m.missing("target");
        }
        LoadSettings load = m.has("load") ? load(m.get("load"), "load") : null;
        StressSettings stress = m.has("stress") ? stress(m.get("stress"), "stress", type,
                m.has("load") || m.has("phases")) : null;
        boolean search = stress != null && stress.mode() == StressSettings.Mode.SEARCH;
        List<Scenario> scenarios = m.has("scenarios")
                ? new ScenarioMapper(reader, json).scenarios(m.get("scenarios"), "scenarios") : null;
        if (!m.has("scenarios")) {
            m.missing("scenarios");
        }
        List<Phase> phases = null;
        if (m.has("phases") && search) {
            reader.problem("phases", m.get("phases"), "a stress search lays out its own steps: leave phases out, "
                    + "or use stress mode steps");
        } else if (m.has("phases")) {
            phases = new PhaseMapper(reader).phases(m.get("phases"), "phases");
        } else if (search && m.has("load")) {
            reader.problem("load", m.get("load"), "a stress search takes its rates from stress.start_rate and "
                    + "stress.max_rate: leave load out, or use stress mode steps");
        } else if (search) {
            phases = Presets.stressSearch(stress);
        } else if (m.has("stress") && stress == null) {
            phases = null; // the stress section's problems are reported
        } else if (!m.has("load")) {
            reader.problem("phases", m.node(), "required: give phases, or load for the type's preset");
        } else if (load != null && type == TestType.STRESS) {
            phases = Presets.stressSteps(load, stress == null ? StressSettings.DEFAULT_STEPS : stress);
        } else if (load != null && type != null) {
            phases = Presets.expand(type, load);
        }
        List<String> requestNames = scenarios == null ? null
                : scenarios.stream().flatMap(s -> s.requests().stream()).map(r -> r.name()).distinct().toList();
        List<String> phaseNames = phases == null ? null : phases.stream().map(Phase::name).toList();
        List<Criterion> criteria = m.has("criteria")
                ? new CriteriaMapper(reader, requestNames, phaseNames).criteria(m.get("criteria"), "criteria")
                : List.of();
        List<PluginSpec> sinks = plugins(m, "sinks", sinkIds, "sink");
        List<PluginSpec> probes = plugins(m, "probes", probeIds, "probe");
        GeneratorLimits limits = m.has("generator") ? limits(m.get("generator"), "generator")
                : GeneratorLimits.DEFAULT;
        if (!reader.problems().isEmpty()) {
            return null;
        }
        LoadTest.Builder b = LoadTest.builder(name).type(type).target(target).limits(limits).stress(stress);
        scenarios.forEach(b::scenario);
        criteria.forEach(b::criterion);
        sinks.forEach(b::sink);
        probes.forEach(b::probe);
        tags.forEach(b::tag);
        if (m.has("phases")) {
            phases.forEach(b::phase);
        } else if (!search) {
            b.load(load);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            reader.problem("", root, e.getMessage());
            return null;
        }
    }

    private TestType type(MapNode m) {
        if (!m.has("type")) {
            return m.has("phases") ? TestType.CUSTOM : TestType.BASELINE;
        }
        String text = m.string("type");
        for (TestType t : TestType.values()) {
            if (t.key().equals(text)) {
                return t;
            }
        }
        if (text != null) {
            reader.problem("type", m.get("type"), "\"" + text + "\" is not a test type ("
                    + String.join(", ", Arrays.stream(TestType.values()).map(TestType::key).toList()) + ")");
        }
        return null;
    }

    private Target target(Node node, String path) {
        MapNode m = reader.map(node, path, TARGET_KEYS);
        if (m == null) {
            return null;
        }
        URI url = url(m);
        Duration timeout = m.duration("timeout", true, Target.DEFAULT_TIMEOUT);
        Duration connect = m.duration("connect_timeout", true, Target.DEFAULT_CONNECT_TIMEOUT);
        Integer maxConnections = m.intAtLeast("max_connections", 1, Target.DEFAULT_MAX_CONNECTIONS);
        Integer maxQueue = m.intAtLeast("max_queue", 0, Target.DEFAULT_MAX_QUEUE);
        HttpVersion version = HttpVersion.HTTP_1_1;
        if (m.has("http_version")) {
            String v = m.string("http_version");
            version = "1.1".equals(v) ? HttpVersion.HTTP_1_1 : "2".equals(v) ? HttpVersion.HTTP_2 : null;
            if (v != null && version == null) {
                reader.problem(m.path("http_version"), m.get("http_version"), "\"" + v + "\" is not \"1.1\" or \"2\"");
            }
        }
        Boolean trustAll = false;
        if (m.has("tls")) {
            MapNode tls = reader.map(m.get("tls"), m.path("tls"), TLS_KEYS);
            trustAll = tls == null ? null : tls.bool("trust_all", false);
        }
        if (url == null || timeout == null || connect == null || maxConnections == null || maxQueue == null
                || version == null || trustAll == null) {
            return null;
        }
        try {
            return new Target(url, timeout, connect, maxConnections, maxQueue, version, trustAll);
        } catch (IllegalArgumentException e) {
            reader.problem(path, node, e.getMessage());
            return null;
        }
    }

    private URI url(MapNode m) {
        String text = m.requiredString("url");
        if (text == null) {
            return null;
        }
        Node node = m.get("url");
        try {
            URI url = new URI(text);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                reader.problem(m.path("url"), node, "\"" + text + "\" must start with http:// or https://");
            } else if (url.getHost() == null || url.getHost().isEmpty()) {
                reader.problem(m.path("url"), node, "\"" + text + "\" has no host");
            } else {
                return url;
            }
        } catch (URISyntaxException e) {
            reader.problem(m.path("url"), node, "\"" + text + "\" is not a URL: " + e.getReason());
        }
        return null;
    }

    private LoadSettings load(Node node, String path) {
        MapNode m = reader.map(node, path, LOAD_KEYS);
        if (m == null) {
            return null;
        }
        Integer users = m.intAtLeast("max_users", 1, 0);
        Double rate = m.has("rate") ? m.number("rate") : Double.valueOf(0);
        if (rate != null && m.has("rate") && rate <= 0) {
            reader.problem(m.path("rate"), m.get("rate"), "must be > 0, got " + NodeReader.scalarText(m.get("rate")));
            rate = null;
        }
        if (m.has("max_users") == m.has("rate")) {
            reader.problem(path, node, "give exactly one of max_users or rate");
            return null;
        }
        Duration duration = m.duration("duration", true, null);
        if (!m.has("duration")) {
            m.missing("duration");
        }
        Duration rampUp = m.duration("ramp_up", false, Duration.ZERO);
        Duration rampDown = m.duration("ramp_down", false, Duration.ZERO);
        if (users == null || rate == null || duration == null || rampUp == null || rampDown == null) {
            return null;
        }
        try {
            return new LoadSettings(users, rate, duration, rampUp, rampDown);
        } catch (IllegalArgumentException e) {
            reader.problem(path, node, e.getMessage());
            return null;
        }
    }

    /**
     * The {@code stress:} section: {@code mode: search} (the default when {@code start_rate} is given) or
     * {@code steps}; percentages as {@code 5%} or a plain number of percent.
     */
    private StressSettings stress(Node node, String path, TestType type, boolean hasLoadOrPhases) {
        MapNode m = reader.map(node, path, STRESS_KEYS);
        if (m == null) {
            return null;
        }
        if (type != null && type != TestType.STRESS) {
            reader.problem(path, node, "only a stress test takes stress settings; this test's type is "
                    + type.key());
            return null;
        }
        StressSettings.Mode mode = m.has("start_rate") ? StressSettings.Mode.SEARCH : StressSettings.Mode.STEPS;
        if (m.has("mode")) {
            String text = m.string("mode");
            mode = "search".equals(text) ? StressSettings.Mode.SEARCH
                    : "steps".equals(text) ? StressSettings.Mode.STEPS : null;
            if (text != null && mode == null) {
                reader.problem(m.path("mode"), m.get("mode"), "\"" + text + "\" is not a stress mode (search, steps)");
                return null;
            }
        }
        StressSettings search = StressSettings.search(1, 50_000);
        StressSettings steps = StressSettings.DEFAULT_STEPS;
        Double start = m.has("start_rate") ? m.number("start_rate") : Double.valueOf(0);
        if (mode == StressSettings.Mode.SEARCH && !m.has("start_rate")) {
            m.missing("start_rate");
        }
        if (mode == StressSettings.Mode.STEPS && !hasLoadOrPhases) {
            reader.problem(path, node, "stress mode steps grows the load section's max_users or rate: give load, "
                    + "or use mode search with start_rate");
        }
        Duration stepDuration = m.duration("step_duration", true, search.stepDuration());
        Double growth = m.has("growth") ? m.number("growth")
                : Double.valueOf(mode == StressSettings.Mode.SEARCH ? search.growth() : steps.growth());
        Double precision = m.has("precision") ? percent(m, "precision") : Double.valueOf(search.precision() * 100);
        Double maxRate = m.has("max_rate") ? m.number("max_rate") : Double.valueOf(search.maxRate());
        Double maxErrors = m.has("max_error_rate") ? percent(m, "max_error_rate")
                : Double.valueOf(search.maxErrorRatePercent());
        Duration cooldown = m.duration("cooldown", false, search.cooldown());
        Double maxFactor = m.has("max_factor") ? m.number("max_factor") : Double.valueOf(steps.maxFactor());
        Duration warmUp = m.duration("warm_up", false, mode == StressSettings.Mode.SEARCH ? search.warmUp()
                : Duration.ZERO);
        if (start == null || stepDuration == null || growth == null || precision == null || maxRate == null
                || maxErrors == null || cooldown == null || maxFactor == null || warmUp == null) {
            return null;
        }
        try {
            return new StressSettings(mode, start, stepDuration, growth, precision / 100, maxRate, maxErrors,
                    cooldown, maxFactor, warmUp);
        } catch (IllegalArgumentException e) {
            reader.problem(path, node, e.getMessage());
            return null;
        }
    }

    /** A percentage written {@code 5%} or {@code 5}; {@code null} (with a problem) when it is neither. */
    private Double percent(MapNode m, String key) {
        Node node = m.get(key);
        String text = NodeReader.scalarText(node);
        String number = text != null && text.strip().endsWith("%") ? text.strip().replace("%", "").strip() : text;
        try {
            double v = Double.parseDouble(number);
            if (v >= 0 && v <= 100) {
                return v;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        reader.problem(m.path(key), node, "\"" + text + "\" is not a percentage such as 5% (0..100)");
        return null;
    }

    private GeneratorLimits limits(Node node, String path) {
        MapNode m = reader.map(node, path, GENERATOR_KEYS);
        if (m == null) {
            return null;
        }
        Duration lag = m.duration("max_lag_p99", false, GeneratorLimits.DEFAULT.maxLagP99());
        Double dropped = m.has("max_dropped_percent") ? m.number("max_dropped_percent")
                : Double.valueOf(GeneratorLimits.DEFAULT.maxDroppedPercent());
        if (dropped != null && dropped < 0) {
            reader.problem(m.path("max_dropped_percent"), m.get("max_dropped_percent"), "must be >= 0");
            dropped = null;
        }
        return lag == null || dropped == null ? null : new GeneratorLimits(lag, dropped);
    }

    private List<PluginSpec> plugins(MapNode top, String key, Set<String> known, String what) {
        List<PluginSpec> out = new ArrayList<>();
        List<Node> items = top.has(key) ? reader.list(top.get(key), key) : null;
        if (items == null) {
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            String p = NodeReader.index(key, i);
            MapNode m = reader.map(items.get(i), p, null);
            String id = m == null ? null : m.requiredString("id");
            if (id == null) {
                continue;
            }
            if (!known.contains(id)) {
                reader.problem(m.path("id"), m.get("id"), "unknown " + what + " \"" + id + "\"; known: "
                        + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known))));
                continue;
            }
            Map<String, Object> settings = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> {
                if (!k.equals("id")) {
                    settings.put(k, reader.plain(v));
                }
            });
            out.add(new PluginSpec(id, settings));
        }
        return out;
    }
}
