package dev.onrush.aws;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Turns the SDK's exceptions into messages that say what failed and after how many attempts, in the plugins' own
 * exception types. Stateless.
 */
public final class AwsFailures {

    private AwsFailures() {
    }

    /** The attempts the SDK made before it threw {@code e} (its retries included); 1 when it does not say. */
    public static int attempts(SdkException e) {
        Integer attempts = e.numAttempts();
        return attempts == null || attempts < 1 ? 1 : attempts;
    }

    /**
     * {@code "<what> failed after 3 attempts: <the SDK's message>"}, or {@code "<what> failed: ..."} when the SDK
     * made one attempt.
     *
     * @param what the operation and its target, e.g. {@code "PutObject s3://bucket/key"}
     */
    public static String message(String what, SdkException e) {
        int attempts = attempts(e);
        return what + " failed" + (attempts > 1 ? " after " + attempts + " attempts" : "") + ": " + e.getMessage();
    }

    /**
     * Makes one SDK call (the client retries it as its strategy says) and turns an {@link SdkException} into the
     * plugin's exception, made from {@link #message} and the SDK's exception as the cause.
     *
     * @param what    the operation and its target, for the message
     * @param call    the call
     * @param failure the plugin's exception, e.g. {@code SinkWriteException::new}
     */
    public static <T> T call(String what, Supplier<T> call,
                             BiFunction<String, ? super SdkException, ? extends RuntimeException> failure) {
        Objects.requireNonNull(failure, "failure");
        try {
            return call.get();
        } catch (SdkException e) {
            throw failure.apply(message(what, e), e);
        }
    }

    /**
     * What to say when a client cannot be built because no region is set and the SDK's region chain finds none
     * (the cause of almost every {@link SdkClientException} from {@code build()}).
     */
    public static String noRegion(SdkClientException e) {
        return AwsSettings.REGION + ": not set, and the AWS SDK found none in AWS_REGION, aws.region or the profile ("
                + e.getMessage() + ")";
    }
}
