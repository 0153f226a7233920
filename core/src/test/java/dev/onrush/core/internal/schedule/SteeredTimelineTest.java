package dev.onrush.core.internal.schedule;

import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.Phase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Phases whose rate is decided while the run goes (a stress search's later steps). */
class SteeredTimelineTest {

    private static final LoadShape PLACEHOLDER = LoadShape.rate(100, 100);

    private static Timeline timeline() {
        return new Timeline(List.of(Phase.of("step_1", Duration.ofSeconds(2), PLACEHOLDER),
                Phase.of("settle_1", Duration.ofSeconds(1), PLACEHOLDER),
                Phase.of("step_2", Duration.ofSeconds(2), PLACEHOLDER)), Set.of(1, 2));
    }

    private static List<Long> drain(ArrivalSchedule s) {
        List<Long> times = new ArrayList<>();
        for (long t = s.nextFireTimeNs(); t != ArrivalSchedule.NONE && t != ArrivalSchedule.UNDECIDED;
             t = s.advance()) {
            times.add(t);
        }
        return times;
    }

    @Test
    void arrivalsWaitForAnUndecidedPhaseThenFollowItsDecidedRate() {
        Timeline t = timeline();
        ArrivalSchedule s = new ArrivalSchedule(t, 0, 1);

        List<Long> first = drain(s);
        assertThat(first).hasSize(200); // step_1 at its planned 100/s for 2 s
        assertThat(s.nextFireTimeNs()).isEqualTo(ArrivalSchedule.UNDECIDED);
        assertThat(s.retry()).as("still undecided").isEqualTo(ArrivalSchedule.UNDECIDED);
        assertThat(t.rateAt(2_500_000_000L)).isZero();
        assertThat(t.describe(1)).isEqualTo("undecided");

        t.steer(1, 0); // settle idle
        t.steer(2, 300);
        s.retry();
        List<Long> rest = drain(s);

        assertThat(s.nextFireTimeNs()).isEqualTo(ArrivalSchedule.NONE);
        assertThat(rest).hasSize(600).allSatisfy(ns -> assertThat(ns).isBetween(3_000_000_000L, 5_000_000_000L));
        assertThat(rest.get(1) - rest.get(0)).isBetween(3_333_332L, 3_333_334L);
        assertThat(t.rateAt(2_500_000_000L)).isZero();
        assertThat(t.rateAt(4_000_000_000L)).isEqualTo(300);
        assertThat(t.describe(1)).isEqualTo("idle (rate 0/s)");
        assertThat(t.describe(2)).isEqualTo("rate 300/s");
        assertThat(t.describe(0)).isEqualTo("rate 100/s");
    }

    @Test
    void shardsSplitASteeredPhaseExactlyLikeAPlannedOne() {
        Timeline t = timeline();
        t.steer(1, 50);
        t.steer(2, 250);
        List<Long> all = new ArrayList<>();
        for (int shard = 0; shard < 3; shard++) {
            all.addAll(drain(new ArrivalSchedule(t, shard, 3)));
        }
        assertThat(all).hasSize(200 + 50 + 500).doesNotHaveDuplicates();
    }

    @Test
    void aPhaseIsDecidedOnceAndOnlyWhenSteered() {
        Timeline t = timeline();
        t.steer(2, 10);
        assertThatThrownBy(() -> t.steer(2, 20)).hasMessageContaining("decided already");
        assertThatThrownBy(() -> t.steer(0, 20)).hasMessageContaining("not steered");
        assertThatThrownBy(() -> t.steer(1, -1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> new Timeline(List.of(Phase.of("u", Duration.ofSeconds(1), LoadShape.users(1, 1))),
                Set.of(0))).hasMessageContaining("not a rate phase");
    }
}
