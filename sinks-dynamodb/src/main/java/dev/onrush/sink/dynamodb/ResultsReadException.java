package dev.onrush.sink.dynamodb;

/**
 * The results table could not be read (unreachable endpoint, missing table or region, refused credentials, an item
 * that is not the sink's) after the client's retries ({@code max_attempts}). The message names the operation and
 * the table.
 */
public final class ResultsReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming the operation and the table */
    public ResultsReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
