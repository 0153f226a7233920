package dev.onrush.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StallScheduleTest {

    // origin 1,000; stalls of 500 every 2,000: [3,000, 3,500), [5,000, 5,500), ...
    private final StallSchedule schedule = new StallSchedule(1_000, 500, 2_000);

    @Test
    void noStallDuringTheFirstPeriod() {
        assertThat(schedule.releaseAt(1_000)).isEqualTo(1_000);
        assertThat(schedule.releaseAt(1_400)).isEqualTo(1_400);
        assertThat(schedule.releaseAt(2_999)).isEqualTo(2_999);
    }

    @Test
    void aResponseDueInAStallIsHeldToItsEnd() {
        assertThat(schedule.releaseAt(3_000)).isEqualTo(3_500);
        assertThat(schedule.releaseAt(3_499)).isEqualTo(3_500);
        assertThat(schedule.releaseAt(5_200)).isEqualTo(5_500);
    }

    @Test
    void aResponseDueBetweenStallsIsNotHeld() {
        assertThat(schedule.releaseAt(3_500)).isEqualTo(3_500);
        assertThat(schedule.releaseAt(4_999)).isEqualTo(4_999);
    }

    @Test
    void zeroStallDisablesStalls() {
        assertThat(new StallSchedule(0, 0, 0).releaseAt(12_345)).isEqualTo(12_345);
    }

    @Test
    void worksWithNegativeNanoTimes() {
        StallSchedule negative = new StallSchedule(-10_000, 500, 2_000);
        assertThat(negative.releaseAt(-8_000)).isEqualTo(-7_500);
        assertThat(negative.releaseAt(-9_000)).isEqualTo(-9_000);
    }
}
