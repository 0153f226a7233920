package dev.onrush.core.internal.schedule;

import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.Phase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {

    private final Timeline t = new Timeline(List.of(
            Phase.of("up", Duration.ofSeconds(10), LoadShape.users(0, 100)),
            Phase.of("hold", Duration.ofSeconds(5), LoadShape.users(100, 100)),
            Phase.of("open", Duration.ofSeconds(5), LoadShape.rate(50, 150)),
            Phase.of("down", Duration.ofSeconds(10), LoadShape.users(100, 0))));

    @Test
    void phasesAreLaidOutInOrder() {
        assertThat(t.totalNs()).isEqualTo(30_000_000_000L);
        assertThat(t.phaseAt(0)).isZero();
        assertThat(t.phaseAt(9_999_999_999L)).isZero();
        assertThat(t.phaseAt(10_000_000_000L)).isEqualTo(1);
        assertThat(t.phaseAt(29_000_000_000L)).isEqualTo(3);
        assertThat(t.nextBoundaryNs(12_000_000_000L)).isEqualTo(15_000_000_000L);
        assertThat(t.nextBoundaryNs(25_000_000_000L)).isEqualTo(30_000_000_000L);
    }

    @Test
    void usersRampLinearlyAndRateOnlyInRatePhases() {
        assertThat(t.userCountAt(0)).isZero();
        assertThat(t.userCountAt(5_000_000_000L)).isEqualTo(50);
        assertThat(t.userCountAt(12_000_000_000L)).isEqualTo(100);
        assertThat(t.userCountAt(17_000_000_000L)).isZero();
        assertThat(t.rateAt(17_500_000_000L)).isEqualTo(100.0);
        assertThat(t.rateAt(12_000_000_000L)).isZero();
        assertThat(t.userCountAt(25_000_000_000L)).isEqualTo(50);
        assertThat(t.userCountAt(30_000_000_000L)).isZero();
    }

    @Test
    void userNumberKStartsExactlyWhenTheRampReachesIt() {
        // 0 -> 100 over 10 s: the count reaches k at k * 100 ms
        for (int k = 1; k <= 100; k++) {
            long at = t.timeUsersReach(k, 0);
            assertThat(at).as("user %d", k).isBetween(k * 100_000_000L - 1, k * 100_000_000L + 1);
            assertThat(t.userCountAt(at)).as("user %d", k).isGreaterThanOrEqualTo(k);
            assertThat(t.userCountAt(at - 2)).as("user %d", k).isLessThan(k);
        }
        // after the hold, the next time 100 users are wanted again is the start of the ramp down
        assertThat(t.timeUsersReach(100, 15_000_000_000L)).isEqualTo(20_000_000_000L);
        assertThat(t.timeUsersReach(101, 0)).isEqualTo(-1);
    }

    @Test
    void aFallingRampAnswersAtOnce() {
        // during the ramp down (100 -> 0 over 10 s from 20 s), the count only falls: 80 users are wanted until 22 s
        assertThat(t.timeUsersReach(80, 21_000_000_000L)).isEqualTo(21_000_000_000L);
        assertThat(t.timeUsersReach(80, 22_500_000_000L)).isEqualTo(-1);
        assertThat(t.timeUsersReach(1, 29_999_999_999L)).isEqualTo(-1);
    }
}
