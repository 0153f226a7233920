package dev.onrush.app;

/** The runner's exit codes. */
final class ExitCodes {
    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int ERROR = 3;
    static final int INCONCLUSIVE = 4;

    private ExitCodes() {
    }
}
