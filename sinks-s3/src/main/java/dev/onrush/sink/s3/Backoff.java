package dev.onrush.sink.s3;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Exponential backoff with jitter and a bound on attempts, for calls made on the sink's own worker thread (it
 * sleeps). Retried: throttling (S3's {@code SlowDown} and the SDK's other throttling
 * codes), HTTP 5xx, and client-side I/O failures and timeouts. Everything else fails at once. Immutable.
 *
 * @param maxAttempts attempts in all, at least 1
 * @param firstDelay  the wait after the first failed attempt; each later wait doubles, up to {@code maxDelay}
 * @param maxDelay    the longest wait between two attempts
 */
public record Backoff(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    /** Six attempts, waits of about 100 ms, 200 ms, 400 ms, 800 ms, 1.6 s (about 3 s in all). */
    public static final Backoff DEFAULT = new Backoff(6, Duration.ofMillis(100), Duration.ofSeconds(5));

    /** @throws IllegalArgumentException when {@code maxAttempts} is below 1 or a delay is negative */
    public Backoff {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (firstDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based): between half and all of the exponential delay. */
    Duration delayAfter(int attempt) {
        long capMs = maxDelay.toMillis();
        long exponentialMs = firstDelay.toMillis() << Math.min(attempt - 1, 20);
        long ms = Math.min(capMs, exponentialMs);
        return Duration.ofMillis(ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1));
    }

    /** Whether another attempt may succeed where {@code e} failed. */
    static boolean retryable(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException()
                    || service.statusCode() >= 500;
        }
        return e instanceof SdkClientException;
    }

    /**
     * Calls {@code call} until it returns or fails in a way not worth retrying, at most {@link #maxAttempts} times.
     *
     * @param what the operation and its target for the failure message, e.g. {@code "PutObject s3://bucket/key"}
     * @throws S3UploadException after the last attempt, or at once for a failure that is not retryable
     */
    <T> T call(String what, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (SdkException e) {
                if (!retryable(e)) {
                    throw new S3UploadException(what + " failed: " + e.getMessage(), e);
                }
                if (attempt >= maxAttempts) {
                    throw new S3UploadException(what + " failed after " + attempt + " attempts: " + e.getMessage(),
                            e);
                }
            }
            sleep(delayAfter(attempt));
        }
    }

    static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new S3UploadException("interrupted while waiting to retry", e);
        }
    }
}
