package dev.onrush.spi;

import java.time.Instant;

/**
 * The figures of one phase of a run. A phase holds the one-second intervals that started inside it.
 *
 * @param name             the phase's name
 * @param shape            the load shape as text, e.g. {@code "rate 100→2000/s"} or {@code "users 50"}
 * @param startedAt        when the phase started
 * @param durationS        how long it ran, in seconds
 * @param requests         requests completed
 * @param errors           failed requests
 * @param errorRatePercent {@code 100 * errors / requests}
 * @param throughputRps    requests per second
 * @param latencyMs        latency from the intended start
 * @param serviceTimeMs    latency from the actual send
 */
public record PhaseResult(String name, String shape, Instant startedAt, double durationS, long requests, long errors,
                          double errorRatePercent, double throughputRps, LatencyStats latencyMs,
                          LatencyStats serviceTimeMs) {
}
