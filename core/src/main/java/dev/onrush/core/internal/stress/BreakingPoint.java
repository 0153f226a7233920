package dev.onrush.core.internal.stress;

import static dev.onrush.core.internal.stress.JudgedStep.fmt;
import static dev.onrush.core.internal.stress.JudgedStep.round;

import dev.onrush.core.internal.criteria.Judge;
import dev.onrush.core.internal.metrics.Accumulator;
import dev.onrush.core.internal.metrics.Histograms;
import dev.onrush.core.internal.metrics.RunAggregator;
import dev.onrush.core.internal.schedule.Timeline;
import dev.onrush.core.model.Criterion;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Phase;
import dev.onrush.core.model.PhaseRole;
import dev.onrush.core.model.SearchLayout;
import dev.onrush.core.model.StressSettings;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.Verdict;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Looks for a stress test's breaking point while it runs: judges each step on its own data as soon as the step's
 * last interval is merged, and either decides the next step's rate (search) or stops the run at the first failing
 * step (staircase). Collector thread only, except {@link #steeredPhases}.
 *
 * <p>The steps are the phases of constant load whose role is {@link PhaseRole#STEP} (the staircase's and the
 * search's); a stress test whose phases a user wrote has none, and then every {@link PhaseRole#CUSTOM} phase of
 * constant load is a step, whatever its name (ramps, holds, settles and warm-ups are never judged).
 *
 * <p>A step is judged on its phase's merged histograms and counts, never on cumulative totals. It fails when
 * <ol>
 *   <li>the generator was the bottleneck in it (its lag p99 above {@code generator.max_lag_p99}): the search
 *       stops there, since higher rates would measure the generator;</li>
 *   <li>its error rate, with arrivals the generator dropped because every connection was busy counted as failed,
 *       is above {@code stress.max_error_rate};</li>
 *   <li>a latency or error-rate criterion of the test (its request scope applied, its phase scope ignored) breaks
 *       on the step's data;</li>
 *   <li>no request completed in it, or (search) it served less than 90 % of its rate: its backlog grew.</li>
 * </ol>
 *
 * <p>Search: {@link RateSearch} decides the rates; the staircase stops at the first failing step.
 */
public final class BreakingPoint {

    /**
     * A search step whose completions fall below this share of its rate fails: its backlog grows, so the rate is not
     * sustainable even when no criterion says so (the requests in flight at its end are well below this margin).
     */
    private static final double MIN_SERVED_SHARE = 0.9;

    /** The answer is found, or cannot be: the run is to end now. */
    public static final boolean STOP = true;

    private final LoadTest test;
    private final StressSettings settings;
    private final Timeline timeline;
    /** The search's rates, {@code null} for the staircase. */
    private final RateSearch search;
    private final List<Criterion> stepCriteria;
    /** Per phase: whether it is judged as a step. */
    private final boolean[] stepPhases;
    private final List<JudgedStep> steps = new ArrayList<>();
    private final Set<Integer> judged = new HashSet<>();

    /** Figures of the step being run, from its intervals. */
    private final Histogram stepLag = Histograms.newTotal();
    private long stepDropped;
    private String outcome;
    private Verdict verdict;

    /**
     * @param timeline the run's timeline, built with {@link #steeredPhases} when the test is a search
     */
    public BreakingPoint(LoadTest test, Timeline timeline) {
        this.test = test;
        this.settings = test.stress();
        this.timeline = timeline;
        this.search = test.isStressSearch() ? new RateSearch(settings, timeline) : null;
        this.stepCriteria = test.criteria().stream()
                .filter(c -> c.metric().isLatency() || c.metric() == Criterion.Metric.ERROR_RATE).toList();
        this.stepPhases = stepPhases(test.phases());
    }

    /** The phases of a search whose rate is decided during the run: all but the warm-up, first step and its hold. */
    public static Set<Integer> steeredPhases(LoadTest test) {
        Set<Integer> steered = new HashSet<>();
        if (test.isStressSearch()) {
            for (int i = SearchLayout.of(test.stress()).firstSteeredPhase(); i < test.phases().size(); i++) {
                steered.add(i);
            }
        }
        return steered;
    }

    /**
     * The (phase, request) scopes the aggregator must keep so that request-scoped criteria can be judged per
     * step.
     */
    public static List<int[]> requestScopes(LoadTest test) {
        List<int[]> scopes = new ArrayList<>();
        List<String> names = test.requestNames();
        boolean[] steps = stepPhases(test.phases());
        for (Criterion c : test.criteria()) {
            if (c.request() != null) {
                for (int p = 0; p < steps.length; p++) {
                    if (steps[p]) {
                        scopes.add(new int[] {p, names.indexOf(c.request())});
                    }
                }
            }
        }
        return scopes;
    }

    /**
     * Takes the interval just merged into {@code data}; judges the step it completes, if any, and decides what
     * comes next.
     *
     * @return {@link #STOP} when the run is to end now
     */
    public boolean onInterval(IntervalSnapshot interval, RunAggregator data) {
        if (outcome != null) {
            return STOP;
        }
        // the phase the interval started in, as the aggregator attributes it (listeners get one-second intervals)
        int phase = timeline.phaseAt(interval.index() * 1_000_000_000L);
        if (!stepPhases[phase] || judged.contains(phase)
                || (timeline.isSteered(phase) && timeline.steeredRate(phase) == 0)) {
            return false; // not a step, judged already, or a step slot left idle for a backlog to drain
        }
        stepLag.add(data.intervalLag());
        stepDropped += interval.generator().droppedArrivals();
        long intervalEndNs = Math.round((interval.index() + interval.durationS()) * 1e9);
        if (intervalEndNs < timeline.startNs(phase) + timeline.lengthNs(phase) - 1_000_000) {
            return false;
        }
        judged.add(phase);
        JudgedStep step = judge(phase, data);
        steps.add(step);
        stepLag.reset();
        stepDropped = 0;
        if (search == null) {
            return afterStaircaseStep(step);
        }
        Judge.Decision done = search.afterStep(step, phase,
                data.arrivals() - data.total().requests() - data.droppedArrivals());
        if (done == null) {
            return false;
        }
        return finish(done.verdict(), done.reason());
    }

    private JudgedStep judge(int phase, RunAggregator data) {
        Accumulator acc = data.phase(phase);
        double seconds = data.phaseSeconds(phase);
        long requests = acc.requests();
        long attempts = requests + stepDropped;
        double errorRate = attempts == 0 ? 0 : 100.0 * (acc.errors() + stepDropped) / attempts;
        double p95 = requests == 0 ? Double.NaN : acc.latency().getValueAtPercentile(95) / 1e6;
        double limitMs = test.limits().maxLagP99().toNanos() / 1e6;
        String reason = null;
        boolean generator = false;
        double lagP99Ms = stepLag.getTotalCount() == 0 ? 0 : stepLag.getValueAtPercentile(99) / 1e6;
        if (lagP99Ms > limitMs) {
            generator = true;
            reason = String.format(Locale.ROOT, "the generator was the bottleneck: its lag p99 was %.1f ms "
                    + "(limit %.1f ms)", lagP99Ms, limitMs);
        } else if (errorRate > settings.maxErrorRatePercent()) {
            reason = String.format(Locale.ROOT, "error rate %.2f%% > %s%% (%d errors%s)", errorRate,
                    fmt(settings.maxErrorRatePercent()), acc.errors(), stepDropped == 0 ? ""
                            : ", " + stepDropped + " arrivals dropped with every connection busy");
        } else if (requests == 0) {
            reason = "no request completed";
        } else if (search != null && seconds > 0 && requests / seconds < MIN_SERVED_SHARE * plannedRate(phase)) {
            reason = String.format(Locale.ROOT, "the target fell behind: it served %.1f of %s requests/s",
                    requests / seconds, fmt(plannedRate(phase)));
        } else {
            reason = brokenCriterion(phase, data, seconds);
        }
        Phase p = test.phases().get(phase);
        double rate = plannedRate(phase);
        int users = p.shape() instanceof LoadShape.Users u ? u.to() : 0;
        return new JudgedStep(steps.size() + 1, p.name(), rate, users, requests, seconds <= 0 ? 0 : requests / seconds,
                errorRate, stepDropped, p95, reason == null, reason, generator);
    }

    /** The rate a rate phase ran at: decided during the run, or planned; 0 for a users phase. */
    private double plannedRate(int phase) {
        if (timeline.isSteered(phase)) {
            return timeline.steeredRate(phase);
        }
        return test.phases().get(phase).shape() instanceof LoadShape.Rate r ? r.toPerSec() : 0;
    }

    private String brokenCriterion(int phase, RunAggregator data, double seconds) {
        for (Criterion c : stepCriteria) {
            Accumulator scope = c.request() == null ? data.phase(phase)
                    : data.phaseRequest(phase, data.requestNames().indexOf(c.request()));
            double actual = scope == null ? Double.NaN : Judge.value(c.metric(), scope, seconds);
            if (!Double.isNaN(actual) && !c.operator().holds(actual, c.threshold())) {
                return String.format(Locale.ROOT, "criterion \"%s\"%s broke: %s %s", c.expression(),
                        c.request() == null ? "" : " [" + c.request() + "]", fmt(actual), c.metric().unit());
            }
        }
        return null;
    }

    private boolean afterStaircaseStep(JudgedStep step) {
        if (step.generatorLimited()) {
            return finish(Verdict.INCONCLUSIVE, "at " + step.describe() + " " + step.reason());
        }
        if (!step.passed()) {
            return finish(lastPassing() == null ? Verdict.FAILED : Verdict.PASSED, "breaks at " + step.describe()
                    + ": " + step.reason());
        }
        return false;
    }

    private boolean finish(Verdict v, String why) {
        verdict = v;
        outcome = why;
        return STOP;
    }

    /**
     * The verdict of the search, or {@code null} when the run ended before it had one (an abort, or the staircase
     * ran to its end: then every step passed).
     */
    public Judge.Decision decision() {
        if (verdict != null) {
            return new Judge.Decision(verdict, outcome);
        }
        if (search == null && !steps.isEmpty() && steps.stream().allMatch(JudgedStep::passed)
                && steps.size() == stepCount()) {
            return new Judge.Decision(Verdict.PASSED, "every step held, up to " + steps.get(steps.size() - 1)
                    .describe() + ": the breaking point is above it");
        }
        return null;
    }

    /** The phase of the last passing step (to judge the criteria on), or {@code null}. */
    public String lastPassingPhase() {
        JudgedStep s = lastPassing();
        return s == null ? null : s.phase();
    }

    /**
     * {@code mode}, {@code max_sustainable_rps} (the highest passing step's rate for a search, its throughput for
     * the staircase; absent when no step passed), {@code breaking_rps} (the lowest failing one; absent when none
     * failed), {@code reason}, and {@code steps[]} ({@code rate} or {@code users}, {@code requests},
     * {@code error_rate_percent}, {@code p95_ms} (absent without responses), {@code passed}, {@code reason} when
     * failed). User steps add {@code max_sustainable_users} and {@code breaking_users}.
     */
    public Map<String, Object> analysis() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", settings.mode().key());
        JudgedStep pass = lastPassing();
        JudgedStep fail = search != null && !Double.isNaN(search.breakingRate())
                ? firstFailureAt(search.breakingRate()) : firstFailure();
        if (pass != null) {
            m.put("max_sustainable_rps", round(search != null ? pass.rate() : pass.throughputRps()));
        }
        if (fail != null) {
            m.put("breaking_rps", round(search != null ? fail.rate() : fail.throughputRps()));
        }
        if (pass != null && pass.users() > 0) {
            m.put("max_sustainable_users", pass.users());
        }
        if (fail != null && fail.users() > 0) {
            m.put("breaking_users", fail.users());
        }
        m.put("reason", outcome != null ? outcome : fail != null ? fail.reason()
                : steps.isEmpty() ? "no step completed" : "no step failed");
        if (search != null) {
            m.put("precision_percent", round(settings.precision() * 100));
        }
        m.put("max_error_rate_percent", round(settings.maxErrorRatePercent()));
        m.put("steps", steps.stream().map(JudgedStep::row).toList());
        return m;
    }

    private JudgedStep lastPassing() {
        JudgedStep best = null;
        for (JudgedStep s : steps) {
            if (s.passed() && (best == null || s.load() > best.load())) {
                best = s;
            }
        }
        return best;
    }

    private JudgedStep firstFailure() {
        JudgedStep worst = null;
        for (JudgedStep s : steps) {
            if (!s.passed() && !s.generatorLimited() && (worst == null || s.load() < worst.load())) {
                worst = s;
            }
        }
        return worst;
    }

    private JudgedStep firstFailureAt(double rate) {
        return steps.stream().filter(s -> !s.passed() && s.rate() == rate).findFirst().orElse(firstFailure());
    }

    private int stepCount() {
        int n = 0;
        for (boolean step : stepPhases) {
            n += step ? 1 : 0;
        }
        return n;
    }

    /**
     * Per phase, whether it is a step: a constant load with the role {@link PhaseRole#STEP}, or, when no phase has
     * that role (a user's phases), with the role {@link PhaseRole#CUSTOM}.
     */
    static boolean[] stepPhases(List<Phase> phases) {
        PhaseRole role = phases.stream().anyMatch(p -> p.role() == PhaseRole.STEP) ? PhaseRole.STEP
                : PhaseRole.CUSTOM;
        boolean[] steps = new boolean[phases.size()];
        for (int i = 0; i < steps.length; i++) {
            Phase p = phases.get(i);
            boolean constant = p.shape() instanceof LoadShape.Users u ? u.from() == u.to()
                    : p.shape() instanceof LoadShape.Rate r && r.fromPerSec() == r.toPerSec();
            steps[i] = constant && p.role() == role;
        }
        return steps;
    }
}
