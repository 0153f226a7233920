/**
 * The runner: a thin Quarkus command-line app around the library. Commands parse their arguments, call
 * {@code dev.onrush.core} and map the verdict to an exit code (0 passed, 1 failed, 2 invalid plan or usage,
 * 3 aborted or run error, 4 inconclusive). No load-test logic lives here. {@code run} and {@code demo} open no
 * listening port of their own (the demo's target listens on 127.0.0.1 only).
 */
package dev.onrush.app;
