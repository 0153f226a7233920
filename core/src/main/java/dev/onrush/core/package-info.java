/**
 * Onrush's public API: {@link dev.onrush.core.Onrush} runs a {@link dev.onrush.core.model.LoadTest} and hands
 * back a {@link dev.onrush.core.RunHandle}.
 *
 * <p>Everything under {@code dev.onrush.core.internal} may change without notice; this package,
 * {@code dev.onrush.core.model}, {@code dev.onrush.core.plan} and {@code dev.onrush.core.sink} are the API.
 */
package dev.onrush.core;
