package dev.onrush.aws;

import software.amazon.awssdk.retries.api.BackoffStrategy;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Sends again the part of a batch a service answered without doing (DynamoDB's {@code UnprocessedItems}): the one
 * retry the SDK cannot make, because the call itself succeeded. Failed calls are not its business: the client's
 * {@link AwsClientRecipe retry strategy} retries those, and their exceptions pass through. Between rounds it waits
 * as the SDK's {@link BackoffStrategy#exponentialDelay exponential backoff with full jitter} says, from
 * {@value #BASE_DELAY_MS} ms up to {@value #MAX_DELAY_MS} ms, sleeping the calling thread (call it from a worker
 * thread, never an event loop). Immutable and thread-safe.
 *
 * @param maxRounds calls in all, the first included, at least 1 (a plugin gives its {@code max_attempts})
 */
public record PartialRetry(int maxRounds) {

    /** The longest first wait, in milliseconds. */
    public static final long BASE_DELAY_MS = 100;
    /** The longest wait, in milliseconds. */
    public static final long MAX_DELAY_MS = 5_000;

    private static final BackoffStrategy BACKOFF = BackoffStrategy.exponentialDelay(
            Duration.ofMillis(BASE_DELAY_MS), Duration.ofMillis(MAX_DELAY_MS));

    /** @throws IllegalArgumentException when {@code maxRounds} is below 1 */
    public PartialRetry {
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds must be at least 1, got " + maxRounds);
        }
    }

    /** As many rounds as the settings allow attempts. */
    public static PartialRetry of(AwsSettings settings) {
        return new PartialRetry(settings.maxAttempts());
    }

    /**
     * Calls {@code round} with {@code work}, then with what it left undone, until nothing is left, the rounds run
     * out or the thread is interrupted (its flag is set again).
     *
     * @param work  the whole batch
     * @param round sends what it is given and returns what the service left undone; its exceptions pass through
     * @param done  whether a round's leftover is empty
     * @return what was left after the last round, and how many rounds ran
     */
    public <W> Outcome<W> run(W work, UnaryOperator<W> round, Predicate<? super W> done) {
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(done, "done");
        W left = work;
        for (int rounds = 1; ; rounds++) {
            left = round.apply(left);
            if (done.test(left) || rounds >= maxRounds || !pause(rounds)) {
                return new Outcome<>(left, rounds, done.test(left));
            }
        }
    }

    private static boolean pause(int afterRound) {
        try {
            Thread.sleep(BACKOFF.computeDelay(afterRound).toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * How a {@link #run} ended.
     *
     * @param left   what the last round left undone
     * @param rounds the calls made
     * @param done   whether nothing was left
     */
    public record Outcome<W>(W left, int rounds, boolean done) {
    }
}
