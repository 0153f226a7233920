package dev.onrush.aws;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sending again what a batch call left undone. */
class PartialRetryTest {

    @Test
    void whatIsLeftIsSentAgainUntilNothingIs() {
        List<Integer> sent = new ArrayList<>();

        PartialRetry.Outcome<Integer> outcome = new PartialRetry(6).run(10, n -> {
            sent.add(n);
            return n / 2; // the service takes half of what it is given
        }, n -> n == 0);

        assertThat(sent).containsExactly(10, 5, 2, 1);
        assertThat(outcome).isEqualTo(new PartialRetry.Outcome<>(0, 4, true));
    }

    @Test
    void theRoundsAreBounded() {
        List<Integer> sent = new ArrayList<>();

        PartialRetry.Outcome<Integer> outcome = new PartialRetry(3).run(7, n -> {
            sent.add(n);
            return n; // nothing taken
        }, n -> n == 0);

        assertThat(sent).containsExactly(7, 7, 7);
        assertThat(outcome).isEqualTo(new PartialRetry.Outcome<>(7, 3, false));
    }

    @Test
    void aFailedRoundIsNotRetried() {
        List<Integer> sent = new ArrayList<>();

        assertThatThrownBy(() -> new PartialRetry(5).run(3, n -> {
            sent.add(n);
            throw new IllegalStateException("the client gave up");
        }, n -> n == 0)).hasMessage("the client gave up");
        assertThat(sent).containsExactly(3);
    }

    @Test
    void anInterruptedWaitEndsTheRoundsAndKeepsTheFlag() {
        Thread.currentThread().interrupt();
        try {
            PartialRetry.Outcome<Integer> outcome = new PartialRetry(5).run(4, n -> n, n -> n == 0);

            assertThat(outcome).isEqualTo(new PartialRetry.Outcome<>(4, 1, false));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void atLeastOneRound() {
        assertThatThrownBy(() -> new PartialRetry(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRounds");
    }
}
