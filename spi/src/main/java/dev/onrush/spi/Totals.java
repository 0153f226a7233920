package dev.onrush.spi;

/**
 * Request counts and volume over some span of a run.
 *
 * @param requests          requests completed, whatever their outcome
 * @param errors            requests that failed: HTTP 4xx/5xx or a transport error
 * @param errorRatePercent  {@code 100 * errors / requests}, 0 when there were no requests
 * @param throughputRps     completed requests per second over the span
 * @param bytesSent         bytes written to the target
 * @param bytesReceived     bytes read from the target
 * @param throughputMbps    megabytes (10^6 bytes) per second sent and received together over the span
 */
public record Totals(long requests, long errors, double errorRatePercent, double throughputRps, long bytesSent,
                     long bytesReceived, double throughputMbps) {
}
