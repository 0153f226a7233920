package dev.onrush.core.internal.stress;

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
 * <p>Search: rates grow by {@code growth} from {@code start_rate} while steps pass (capped at {@code max_rate});
 * after the first failure the next rate is the midpoint of the last passing and the first failing rate, until
 * (failing − passing) / passing is at most {@code precision}. When the first step fails already, rates fall by
 * {@code growth} until one passes, then the midpoints follow.
 */
public final class BreakingPoint {

    /**
     * A search step whose completions fall below this share of its rate fails: its backlog grows, so the rate is not
     * sustainable even when no criterion says so (the requests in flight at its end are well below this margin).
     */
    private static final double MIN_SERVED_SHARE = 0.9;

    /** Idle time beyond the estimated drain of a failing step's backlog. */
    private static final double DRAIN_MARGIN_S = 0.5;

    /** The answer is found, or cannot be: the run is to end now. */
    public static final boolean STOP = true;

    private final LoadTest test;
    private final StressSettings settings;
    private final Timeline timeline;
    private final boolean search;
    private final int slot;
    /** The index of {@code step_1}: after the warm-up, when there is one. */
    private final int first;
    private final List<Criterion> stepCriteria;
    /** Per phase: whether it is judged as a step. */
    private final boolean[] stepPhases;
    private final List<Step> steps = new ArrayList<>();
    private final Set<Integer> judged = new HashSet<>();

    /** Search: the highest passing and the lowest failing rate so far ({@code NaN} for none). */
    private double good = Double.NaN;
    private double bad = Double.NaN;
    /** Figures of the step being run, from its intervals. */
    private final Histogram stepLag = Histograms.newTotal();
    private long stepDropped;
    private String outcome;
    private Verdict verdict;

    /** One judged step. */
    private record Step(int number, String phase, double rate, int users, long requests, double throughputRps,
                        double errorRatePercent, long dropped, double p95Ms, boolean passed, String reason,
                        boolean generatorLimited) {
    }

    /**
     * @param timeline the run's timeline, built with {@link #steeredPhases} when the test is a search
     */
    public BreakingPoint(LoadTest test, Timeline timeline) {
        this.test = test;
        this.settings = test.stress();
        this.timeline = timeline;
        this.search = test.isStressSearch();
        this.slot = settings.cooldown().isZero() ? 2 : 3;
        this.first = settings.warmUp().isZero() ? 0 : 1;
        this.stepCriteria = test.criteria().stream()
                .filter(c -> c.metric().isLatency() || c.metric() == Criterion.Metric.ERROR_RATE).toList();
        this.stepPhases = stepPhases(test.phases());
    }

    /** The phases of a search whose rate is decided during the run: all but the warm-up, first step and its hold. */
    public static Set<Integer> steeredPhases(LoadTest test) {
        Set<Integer> steered = new HashSet<>();
        if (test.isStressSearch()) {
            for (int i = test.stress().warmUp().isZero() ? 2 : 3; i < test.phases().size(); i++) {
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
        Step step = judge(phase, data);
        steps.add(step);
        stepLag.reset();
        stepDropped = 0;
        return search ? nextSearchStep(step, phase, data) : afterStaircaseStep(step);
    }

    private Step judge(int phase, RunAggregator data) {
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
        } else if (search && seconds > 0 && requests / seconds < MIN_SERVED_SHARE * plannedRate(phase)) {
            reason = String.format(Locale.ROOT, "the target fell behind: it served %.1f of %s requests/s",
                    requests / seconds, fmt(plannedRate(phase)));
        } else {
            reason = brokenCriterion(phase, data, seconds);
        }
        Phase p = test.phases().get(phase);
        double rate = plannedRate(phase);
        int users = p.shape() instanceof LoadShape.Users u ? u.to() : 0;
        return new Step(steps.size() + 1, p.name(), rate, users, requests, seconds <= 0 ? 0 : requests / seconds,
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

    private boolean nextSearchStep(Step step, int phase, RunAggregator data) {
        int k = (phase - first) / slot; // this step's slot, 0-based
        if (step.generatorLimited()) {
            return finish(Verdict.INCONCLUSIVE, "the generator could not drive " + fmt(step.rate()) + " rps ("
                    + step.reason() + "); the target's breaking point is above "
                    + (Double.isNaN(good) ? "what was measured" : fmt(good) + " rps"));
        }
        if (step.passed()) {
            good = Double.isNaN(good) ? step.rate() : Math.max(good, step.rate());
        } else {
            bad = Double.isNaN(bad) ? step.rate() : Math.min(bad, step.rate());
        }
        double next;
        if (Double.isNaN(bad)) {
            if (good >= settings.maxRate()) {
                return finish(Verdict.PASSED, "no step failed up to max_rate " + fmt(settings.maxRate())
                        + " rps: the breaking point is above it");
            }
            next = Math.min(good * settings.growth(), settings.maxRate());
        } else if (Double.isNaN(good)) {
            next = bad / settings.growth();
            if (next < 1) {
                return finish(Verdict.FAILED, "every step failed, down to " + fmt(bad) + " rps: "
                        + firstFailure().reason());
            }
        } else if ((bad - good) / good <= settings.precision()) {
            return finish(Verdict.PASSED, String.format(Locale.ROOT, "breaks between %s and %s rps (within %s%%): "
                    + "%s", fmt(good), fmt(bad), fmt(settings.precision() * 100), firstFailureAt(bad).reason()));
        } else {
            next = (good + bad) / 2;
        }
        next = Math.round(next * 1000) / 1000.0;
        // the hold after this step runs at its rate already; then the settle: the same rate after a passing step,
        // idle after a failing one, and whole step slots left idle too until the backlog has drained
        int nextSlot = k + 1;
        if (!step.passed()) {
            double idle = settings.cooldown().toSeconds();
            double needed = drainSeconds(step, data) + DRAIN_MARGIN_S;
            double slotSeconds = settings.stepDuration().toSeconds() + 1 + settings.cooldown().toSeconds();
            while (idle < needed && first + (nextSlot + 1) * slot + 1 < test.phases().size()) {
                for (int i = first + nextSlot * slot; i < first + (nextSlot + 1) * slot; i++) {
                    timeline.steer(i, 0);
                }
                idle += slotSeconds;
                nextSlot++;
            }
        }
        if (first + nextSlot * slot + 1 >= test.phases().size()) {
            return finish(Verdict.INCONCLUSIVE, "the search used all its planned steps before reaching the "
                    + "precision");
        }
        if (slot == 3) {
            timeline.steer(phase + 2, step.passed() ? step.rate() : 0);
        }
        timeline.steer(first + nextSlot * slot, next);
        timeline.steer(first + nextSlot * slot + 1, next);
        return false;
    }

    /**
     * How long the requests still outstanding after a failing step (sent or waiting for a connection, plus what
     * its hold adds) take to drain at the rate the target served during the step.
     */
    private static double drainSeconds(Step step, RunAggregator data) {
        long outstanding = data.arrivals() - data.total().requests() - data.droppedArrivals();
        double served = step.throughputRps();
        double holdBacklog = Math.max(0, step.rate() - served);
        return served <= 0 ? Double.MAX_VALUE : Math.max(0, outstanding + holdBacklog) / served;
    }

    private boolean afterStaircaseStep(Step step) {
        if (step.generatorLimited()) {
            return finish(Verdict.INCONCLUSIVE, "at " + describe(step) + " " + step.reason());
        }
        if (!step.passed()) {
            return finish(lastPassing() == null ? Verdict.FAILED : Verdict.PASSED, "breaks at " + describe(step)
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
        if (!search && !steps.isEmpty() && steps.stream().allMatch(Step::passed)
                && steps.size() == stepCount()) {
            return new Judge.Decision(Verdict.PASSED, "every step held, up to " + describe(steps.get(steps.size() - 1))
                    + ": the breaking point is above it");
        }
        return null;
    }

    /** The phase of the last passing step (to judge the criteria on), or {@code null}. */
    public String lastPassingPhase() {
        Step s = lastPassing();
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
        Step pass = lastPassing();
        Step fail = search && !Double.isNaN(bad) ? firstFailureAt(bad) : firstFailure();
        if (pass != null) {
            m.put("max_sustainable_rps", round(search ? pass.rate() : pass.throughputRps()));
        }
        if (fail != null) {
            m.put("breaking_rps", round(search ? fail.rate() : fail.throughputRps()));
        }
        if (pass != null && pass.users() > 0) {
            m.put("max_sustainable_users", pass.users());
        }
        if (fail != null && fail.users() > 0) {
            m.put("breaking_users", fail.users());
        }
        m.put("reason", outcome != null ? outcome : fail != null ? fail.reason()
                : steps.isEmpty() ? "no step completed" : "no step failed");
        if (search) {
            m.put("precision_percent", round(settings.precision() * 100));
        }
        m.put("max_error_rate_percent", round(settings.maxErrorRatePercent()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Step s : steps) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("step", s.number());
            r.put("phase", s.phase());
            if (s.users() > 0) {
                r.put("users", s.users());
            } else {
                r.put("rate", round(s.rate()));
            }
            r.put("requests", s.requests());
            r.put("throughput_rps", round(s.throughputRps()));
            r.put("error_rate_percent", round(s.errorRatePercent()));
            r.put("dropped", s.dropped());
            if (!Double.isNaN(s.p95Ms())) {
                r.put("p95_ms", round(s.p95Ms()));
            }
            r.put("passed", s.passed());
            if (s.reason() != null) {
                r.put("reason", s.reason());
            }
            rows.add(r);
        }
        m.put("steps", rows);
        return m;
    }

    private Step lastPassing() {
        Step best = null;
        for (Step s : steps) {
            if (s.passed() && (best == null || load(s) > load(best))) {
                best = s;
            }
        }
        return best;
    }

    private Step firstFailure() {
        Step worst = null;
        for (Step s : steps) {
            if (!s.passed() && !s.generatorLimited() && (worst == null || load(s) < load(worst))) {
                worst = s;
            }
        }
        return worst;
    }

    private Step firstFailureAt(double rate) {
        return steps.stream().filter(s -> !s.passed() && s.rate() == rate).findFirst().orElse(firstFailure());
    }

    private static double load(Step s) {
        return s.users() > 0 ? s.users() : s.rate();
    }

    private static String describe(Step s) {
        return s.users() > 0 ? s.users() + " users" : fmt(s.rate()) + " rps";
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

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
