package dev.onrush.app.serve;

/**
 * A request the service refuses, with the HTTP status to answer and a message that names what was wrong (the
 * limit and the value, the host and the allow-list). Becomes {@code {"status": ..., "error": ..., "message": ...}}.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String error;

    /**
     * @param status  the HTTP status (4xx)
     * @param error   a short stable code, e.g. {@code target_not_allowed}, {@code max_users}
     * @param message what was wrong, for people
     */
    public ApiException(int status, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    static ApiException notFound(String what, String id) {
        return new ApiException(404, "not_found", "no " + what + " with id \"" + id + "\"");
    }
}
