package dev.onrush.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceQueueTest {

    @Test
    void admitsUpToCapacityThenQueuesFifo() {
        ServiceQueue<String> queue = new ServiceQueue<>(2);

        assertThat(queue.admit("a")).isTrue();
        assertThat(queue.admit("b")).isTrue();
        assertThat(queue.admit("c")).isFalse();
        assertThat(queue.admit("d")).isFalse();

        assertThat(queue.inService()).isEqualTo(2);
        assertThat(queue.queued()).isEqualTo(2);
        assertThat(queue.release()).isEqualTo("c");
        assertThat(queue.release()).isEqualTo("d");
        assertThat(queue.release()).isNull();
        assertThat(queue.release()).isNull();
        assertThat(queue.inService()).isZero();
        assertThat(queue.maxQueued()).isEqualTo(2);
    }

    @Test
    void zeroCapacityIsUnlimited() {
        ServiceQueue<Integer> queue = new ServiceQueue<>(0);
        for (int i = 0; i < 1_000; i++) {
            assertThat(queue.admit(i)).isTrue();
        }
        assertThat(queue.maxQueued()).isZero();
    }

    @Test
    void raisingCapacityAdmitsWaitingJobsInOrder() {
        ServiceQueue<String> queue = new ServiceQueue<>(1);
        queue.admit("a");
        queue.admit("b");
        queue.admit("c");
        queue.admit("d");

        assertThat(queue.resize(3)).containsExactly("b", "c");
        assertThat(queue.inService()).isEqualTo(3);
        assertThat(queue.queued()).isEqualTo(1);
    }

    @Test
    void loweringCapacityLetsJobsInServiceFinish() {
        ServiceQueue<String> queue = new ServiceQueue<>(3);
        queue.admit("a");
        queue.admit("b");
        queue.admit("c");
        queue.resize(1);
        queue.admit("d");

        assertThat(queue.release()).isNull();
        assertThat(queue.release()).isNull();
        assertThat(queue.release()).isEqualTo("d");
    }

    @Test
    void theBusyClockRunsFromTheFirstWaitingJobUntilNoneWaits() {
        long[] now = {100};
        ServiceQueue<String> queue = new ServiceQueue<>(1, () -> now[0]);
        queue.admit("a");
        assertThat(queue.busySinceNs()).isEqualTo(-1);
        now[0] = 200;
        queue.admit("b");
        now[0] = 300;
        queue.admit("c");
        assertThat(queue.busySinceNs()).isEqualTo(200);

        queue.release();
        assertThat(queue.busySinceNs()).isEqualTo(200);
        queue.release();
        assertThat(queue.busySinceNs()).isEqualTo(-1);
        queue.admit("d");
        now[0] = 400;
        queue.resize(1);
        assertThat(queue.busySinceNs()).as("a resize restarts it").isEqualTo(400);
    }
}
