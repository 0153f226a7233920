package dev.onrush.sink.dynamodb;

/**
 * DynamoDB refused or could not take a write (or a table check) after the client's retries ({@code max_attempts}).
 * The message names the operation and the table. Sinks return it in a failed stage; it is never thrown to the engine.
 */
public final class SinkWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming the operation and the table */
    public SinkWriteException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what failed, naming the operation and the table */
    public SinkWriteException(String message) {
        super(message);
    }
}
