package dev.onrush.core.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A complete, validated load-test plan: what to load, with which journeys, how hard and for how long, and how
 * to judge it. Immutable; build one with {@link #builder(String)} or parse a YAML/JSON plan with
 * {@code dev.onrush.core.plan.PlanParser}.
 *
 * @param name      the test's name (used in result folder names and sink keys)
 * @param type      the question the test answers
 * @param target    the system under test
 * @param load      the preset's inputs, or {@code null} when the phases were given explicitly
 * @param scenarios weighted user journeys (weights sum to more than 0)
 * @param phases    the phases to run, in order (explicit, or the preset's expansion of {@code load})
 * @param criteria  success criteria
 * @param sinks     result sinks besides the built-in console and files
 * @param probes    probes watching the system under test
 * @param tags      free-form tags, copied into results
 * @param limits    when the generator counts as the bottleneck
 * @param stress    how a stress test looks for its breaking point, or {@code null} (other types; a stress test
 *                  with explicit phases)
 */
public record LoadTest(String name, TestType type, Target target, LoadSettings load, List<Scenario> scenarios,
                       List<Phase> phases, List<Criterion> criteria, List<PluginSpec> sinks,
                       List<PluginSpec> probes, Map<String, String> tags, GeneratorLimits limits,
                       StressSettings stress) {

    /** The shortest phase {@link #withTotalDuration} makes. */
    private static final long MIN_PHASE_NS = 1_000_000;

    public LoadTest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(limits, "limits");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        scenarios = List.copyOf(scenarios);
        phases = List.copyOf(phases);
        criteria = List.copyOf(criteria);
        sinks = List.copyOf(sinks);
        probes = List.copyOf(probes);
        tags = Map.copyOf(tags);
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("scenarios: at least one is needed");
        }
        if (scenarios.stream().mapToLong(Scenario::weight).sum() <= 0) {
            throw new IllegalArgumentException("scenarios: weights sum to 0");
        }
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("phases: give phases, or load settings for the type's preset");
        }
        if (stress != null && type != TestType.STRESS) {
            throw new IllegalArgumentException("stress: settings only apply to type stress, not " + type.key());
        }
        requireUnique("scenario", scenarios.stream().map(Scenario::name).toList());
        requireUnique("phase", phases.stream().map(Phase::name).toList());
        Set<String> requestNames = new HashSet<>(requestNames(scenarios));
        Set<String> phaseNames = new HashSet<>(phases.stream().map(Phase::name).toList());
        for (Criterion c : criteria) {
            if (c.request() != null && !requestNames.contains(c.request())) {
                throw new IllegalArgumentException("criterion \"" + c.expression() + "\": no request is named \""
                        + c.request() + "\" " + requestNames);
            }
            if (c.phase() != null && !c.phase().equals(Criterion.ALL_PHASES) && !phaseNames.contains(c.phase())) {
                throw new IllegalArgumentException("criterion \"" + c.expression() + "\": no phase is named \""
                        + c.phase() + "\" " + phaseNames);
            }
        }
    }

    /** A test without stress settings. */
    public LoadTest(String name, TestType type, Target target, LoadSettings load, List<Scenario> scenarios,
                    List<Phase> phases, List<Criterion> criteria, List<PluginSpec> sinks, List<PluginSpec> probes,
                    Map<String, String> tags, GeneratorLimits limits) {
        this(name, type, target, load, scenarios, phases, criteria, sinks, probes, tags, limits, null);
    }

    /**
     * The criteria as they are judged. In a test expanded from {@code load} whose preset has a
     * {@link PhaseRole#STEADY} phase (baseline, volume, endurance), a criterion that names no phase is judged on the
     * steady phase only: the warm-up of the ramp and the ramp-down are left out. {@code phase: all} asks for the
     * whole run (the phase is then {@code null}, as for every criterion of the other types).
     */
    public List<Criterion> judgedCriteria() {
        String steady = load == null ? null : phases.stream().filter(p -> p.role() == PhaseRole.STEADY)
                .map(Phase::name).findFirst().orElse(null);
        List<Criterion> judged = new ArrayList<>();
        for (Criterion c : criteria) {
            if (Criterion.ALL_PHASES.equals(c.phase())) {
                judged.add(c.forPhase(null));
            } else {
                judged.add(steady != null ? c.onPhaseByDefault(steady) : c);
            }
        }
        return List.copyOf(judged);
    }

    /** Whether this is a stress search, whose step rates are decided as it runs. */
    public boolean isStressSearch() {
        return stress != null && stress.mode() == StressSettings.Mode.SEARCH;
    }

    /** A builder for a test called {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding this test's values. */
    public Builder toBuilder() {
        Builder b = new Builder(name).type(type).target(target).load(load).limits(limits).stress(stress);
        b.scenarios.addAll(scenarios);
        b.criteria.addAll(criteria);
        b.sinks.addAll(sinks);
        b.probes.addAll(probes);
        b.tags.putAll(tags);
        if (load == null && !isStressSearch()) {
            b.phases.addAll(phases);
        }
        return b;
    }

    /** Sum of the phases' durations. */
    public Duration totalDuration() {
        return phases.stream().map(Phase::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * This test with every phase stretched or shrunk by the same factor so that they add up to {@code total}
     * (think times are kept). The result has explicit phases.
     */
    public LoadTest withTotalDuration(Duration total) {
        if (total.isNegative() || total.isZero()) {
            throw new IllegalArgumentException("total duration must be > 0, got " + total);
        }
        if (isStressSearch()) {
            throw new IllegalArgumentException("a stress search ends when it has found the breaking point, so it "
                    + "has no total duration to set: shorten stress.step_duration (now "
                    + HumanDuration.format(stress.stepDuration()) + ") instead");
        }
        double factor = (double) total.toNanos() / totalDuration().toNanos();
        long[] ns = new long[phases.size()];
        long sum = 0;
        int largest = 0;
        for (int i = 0; i < ns.length; i++) {
            ns[i] = Math.max(MIN_PHASE_NS, Math.round(phases.get(i).duration().toNanos() * factor));
            sum += ns[i];
            largest = ns[i] > ns[largest] ? i : largest;
        }
        // rounding and the 1 ms floor move the sum a little: the largest phase absorbs the difference
        ns[largest] += total.toNanos() - sum;
        if (ns[largest] < MIN_PHASE_NS) {
            throw new IllegalArgumentException("total duration " + total + " is too short for " + phases.size()
                    + " phases (each needs at least 1 ms)");
        }
        List<Phase> scaled = new ArrayList<>();
        for (int i = 0; i < ns.length; i++) {
            scaled.add(phases.get(i).withDuration(Duration.ofNanos(ns[i])));
        }
        return new LoadTest(name, type, target, null, scenarios, scaled, criteria, sinks, probes, tags, limits,
                stress);
    }

    /** This test aimed at another base URL. */
    public LoadTest withTargetUrl(java.net.URI url) {
        return new LoadTest(name, type, target.withUrl(url), load, scenarios, phases, criteria, sinks, probes, tags,
                limits, stress);
    }

    /** Every distinct request name, in scenario order. */
    public List<String> requestNames() {
        return requestNames(scenarios);
    }

    /** Whether any phase uses the open model (arrival rate). */
    public boolean usesOpenModel() {
        return phases.stream().anyMatch(p -> p.shape() instanceof LoadShape.Rate);
    }

    private static List<String> requestNames(List<Scenario> scenarios) {
        Set<String> names = new java.util.LinkedHashSet<>();
        scenarios.forEach(s -> s.requests().forEach(r -> names.add(r.name())));
        return List.copyOf(names);
    }

    private static void requireUnique(String what, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException(what + " names must be unique: \"" + n + "\" appears twice");
            }
        }
    }

    /** Collects a test's parts; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private String name;
        private TestType type = TestType.CUSTOM;
        private Target target;
        private LoadSettings load;
        private GeneratorLimits limits = GeneratorLimits.DEFAULT;
        private StressSettings stress;
        private final List<Scenario> scenarios = new ArrayList<>();
        private final List<Phase> phases = new ArrayList<>();
        private final List<Criterion> criteria = new ArrayList<>();
        private final List<PluginSpec> sinks = new ArrayList<>();
        private final List<PluginSpec> probes = new ArrayList<>();
        private final Map<String, String> tags = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder type(TestType value) {
            this.type = value;
            return this;
        }

        public Builder target(Target value) {
            this.target = value;
            return this;
        }

        /** Shorthand for {@code target(Target.of(url))}. */
        public Builder target(String url) {
            return target(Target.of(url));
        }

        /** Preset inputs; used when no phase is added. */
        public Builder load(LoadSettings value) {
            this.load = value;
            return this;
        }

        /**
         * How a stress test looks for its breaking point: a search needs no load and no phases; the staircase
         * ({@link StressSettings.Mode#STEPS}) expands {@code load}. Stress tests built from {@code load} without
         * settings use {@link StressSettings#DEFAULT_STEPS}.
         */
        public Builder stress(StressSettings value) {
            this.stress = value;
            return this;
        }

        public Builder limits(GeneratorLimits value) {
            this.limits = value;
            return this;
        }

        public Builder scenario(Scenario value) {
            scenarios.add(value);
            return this;
        }

        /** Adds an explicit phase; explicit phases replace the type's preset. */
        public Builder phase(Phase value) {
            phases.add(value);
            return this;
        }

        public Builder phase(String phaseName, Duration duration, LoadShape shape) {
            return phase(Phase.of(phaseName, duration, shape));
        }

        public Builder criterion(Criterion value) {
            criteria.add(value);
            return this;
        }

        /** Parses and adds a criterion such as {@code "p95 < 2s"}. */
        public Builder criterion(String expression) {
            return criterion(Criterion.parse(expression));
        }

        public Builder sink(PluginSpec value) {
            sinks.add(value);
            return this;
        }

        public Builder probe(PluginSpec value) {
            probes.add(value);
            return this;
        }

        public Builder tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the first problem found
         */
        public LoadTest build() {
            if (target == null) {
                throw new IllegalArgumentException("target: required");
            }
            if (stress != null && stress.mode() == StressSettings.Mode.SEARCH) {
                if (!phases.isEmpty()) {
                    throw new IllegalArgumentException("phases: a stress search lays out its own steps; leave "
                            + "phases out or use stress mode steps");
                }
                return new LoadTest(name, type, target, null, scenarios, Presets.stressSearch(stress), criteria,
                        sinks, probes, tags, limits, stress);
            }
            StressSettings effectiveStress = stress;
            List<Phase> effective = phases;
            if (phases.isEmpty() && load != null) {
                if (type == TestType.STRESS) {
                    effectiveStress = stress == null ? StressSettings.DEFAULT_STEPS : stress;
                    effective = Presets.stressSteps(load, effectiveStress);
                } else {
                    effective = Presets.expand(type, load);
                }
            }
            return new LoadTest(name, type, target, phases.isEmpty() ? load : null, scenarios, effective, criteria,
                    sinks, probes, tags, limits, effectiveStress);
        }
    }
}
