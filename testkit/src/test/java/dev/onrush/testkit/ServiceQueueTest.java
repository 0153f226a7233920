package dev.onrush.testkit;

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
}
