/**
 * The load-test plan as immutable values: {@link dev.onrush.core.model.LoadTest} and what it is made of.
 *
 * <p>Rules: every type here is an immutable record or enum, validated when it is built (an invalid value throws
 * {@link java.lang.IllegalArgumentException} naming the parameter). Durations are {@link java.time.Duration},
 * rates are per second ({@code ratePerSec}). The YAML/JSON plan format in {@code dev.onrush.core.plan} maps onto
 * these types and reports every problem of a plan at once, with its path and line; the checks here are the
 * last line of defence for plans built in Java.
 */
package dev.onrush.core.model;
