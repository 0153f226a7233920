package dev.onrush.core.internal.stress;

import static dev.onrush.core.internal.stress.JudgedStep.fmt;

import dev.onrush.core.internal.criteria.Judge;
import dev.onrush.core.internal.schedule.Timeline;
import dev.onrush.core.model.SearchLayout;
import dev.onrush.core.model.StressSettings;
import dev.onrush.spi.Verdict;

import java.util.Locale;

/**
 * A stress search's choice of rates: rates grow by {@code growth} from {@code start_rate} while steps pass (capped
 * at {@code max_rate}); after the first failure the next rate is the midpoint of the highest passing and the lowest
 * failing rate, until (failing − passing) / passing is at most {@code precision}. When the first step fails
 * already, rates fall by {@code growth} until one passes, then the midpoints follow. Each decision is steered into
 * the run's {@link Timeline} at the slots its {@link SearchLayout} places: the next step and its hold at the new
 * rate, the settle after a passing step at its rate and after a failing one idle, and after a failing step whole
 * slots idle until the backlog it left has drained. Collector thread only.
 */
final class RateSearch {

    /** Idle time beyond the estimated drain of a failing step's backlog. */
    private static final double DRAIN_MARGIN_S = 0.5;

    private final StressSettings settings;
    private final SearchLayout layout;
    private final Timeline timeline;
    /** The highest passing and the lowest failing rate so far ({@code NaN} for none). */
    private double good = Double.NaN;
    private double bad = Double.NaN;
    /** Why the step at {@link #bad} failed. */
    private String badReason;

    RateSearch(StressSettings settings, Timeline timeline) {
        this.settings = settings;
        this.layout = SearchLayout.of(settings);
        this.timeline = timeline;
    }

    /** The highest passing rate so far, {@code NaN} for none. */
    double sustainableRate() {
        return good;
    }

    /** The lowest failing rate so far, {@code NaN} for none. */
    double breakingRate() {
        return bad;
    }

    /**
     * Takes the step just judged and steers the next one.
     *
     * @param step        the judged step
     * @param phase       its phase index
     * @param outstanding requests sent or waiting for a connection and not completed yet
     * @return the verdict to stop the run with, or {@code null} to go on
     */
    Judge.Decision afterStep(JudgedStep step, int phase, long outstanding) {
        if (step.generatorLimited()) {
            return new Judge.Decision(Verdict.INCONCLUSIVE, "the generator could not drive " + fmt(step.rate())
                    + " rps (" + step.reason() + "); the target's breaking point is above "
                    + (Double.isNaN(good) ? "what was measured" : fmt(good) + " rps"));
        }
        if (step.passed()) {
            good = Double.isNaN(good) ? step.rate() : Math.max(good, step.rate());
        } else if (Double.isNaN(bad) || step.rate() < bad) {
            bad = step.rate();
            badReason = step.reason();
        }
        double next;
        if (Double.isNaN(bad)) {
            if (good >= settings.maxRate()) {
                return new Judge.Decision(Verdict.PASSED, "no step failed up to max_rate "
                        + fmt(settings.maxRate()) + " rps: the breaking point is above it");
            }
            next = Math.min(good * settings.growth(), settings.maxRate());
        } else if (Double.isNaN(good)) {
            next = bad / settings.growth();
            if (next < 1) {
                return new Judge.Decision(Verdict.FAILED, "every step failed, down to " + fmt(bad) + " rps: "
                        + badReason);
            }
        } else if ((bad - good) / good <= settings.precision()) {
            return new Judge.Decision(Verdict.PASSED, String.format(Locale.ROOT, "breaks between %s and %s rps "
                    + "(within %s%%): %s", fmt(good), fmt(bad), fmt(settings.precision() * 100), badReason));
        } else {
            next = (good + bad) / 2;
        }
        return steer(step, layout.slotOf(phase), Math.round(next * 1000) / 1000.0, outstanding);
    }

    /**
     * The hold after the step runs at its rate already; then the settle: the same rate after a passing step, idle
     * after a failing one, and whole slots idle too until the backlog has drained; then the next step and its hold
     * at {@code next}.
     */
    private Judge.Decision steer(JudgedStep step, int slot, double next, long outstanding) {
        int nextSlot = slot + 1;
        if (!step.passed()) {
            double idle = settings.cooldown().toSeconds();
            double needed = drainSeconds(step, outstanding) + DRAIN_MARGIN_S;
            while (idle < needed && nextSlot + 1 < layout.slots()) {
                for (int i = layout.stepPhase(nextSlot); i < layout.stepPhase(nextSlot + 1); i++) {
                    timeline.steer(i, 0);
                }
                idle += layout.slotDuration().toSeconds();
                nextSlot++;
            }
        }
        if (nextSlot >= layout.slots()) {
            return new Judge.Decision(Verdict.INCONCLUSIVE, "the search used all its planned steps before "
                    + "reaching the precision");
        }
        if (layout.hasSettle()) {
            timeline.steer(layout.settlePhase(slot), step.passed() ? step.rate() : 0);
        }
        timeline.steer(layout.stepPhase(nextSlot), next);
        timeline.steer(layout.holdPhase(nextSlot), next);
        return null;
    }

    /**
     * How long the requests still outstanding after a failing step (plus what its hold adds) take to drain at the
     * rate the target served during the step.
     */
    private static double drainSeconds(JudgedStep step, long outstanding) {
        double served = step.throughputRps();
        double holdBacklog = Math.max(0, step.rate() - served);
        return served <= 0 ? Double.MAX_VALUE : Math.max(0, outstanding + holdBacklog) / served;
    }
}
