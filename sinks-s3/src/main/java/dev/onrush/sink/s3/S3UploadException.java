package dev.onrush.sink.s3;

/**
 * S3 refused or could not take an upload (or the bucket check) after the client's retries ({@code max_attempts}).
 * The message names the bucket and the key. Sinks return it in a failed stage; it is never thrown to the engine.
 */
public final class S3UploadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming the bucket and the key */
    public S3UploadException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what failed, naming the bucket and the key */
    public S3UploadException(String message) {
        super(message);
    }
}
