/**
 * The runner: a thin Quarkus command-line app around the library. Commands parse their arguments, call
 * {@code dev.onrush.core} and map the verdict to an exit code (0 passed, 1 failed, 2 invalid plan or usage,
 * 3 aborted or run error, 4 inconclusive). No load-test logic lives here. Every plan, from the command line or the
 * service, is started through {@link dev.onrush.app.PlanRunner#start}. {@link dev.onrush.app.OnrushMain} keeps
 * Quarkus's HTTP server off unless the command is {@code serve}: {@code run} and {@code demo} open no listening port
 * of their own (the demo's target listens on 127.0.0.1 only). The service lives in {@code dev.onrush.app.serve}.
 */
package dev.onrush.app;
