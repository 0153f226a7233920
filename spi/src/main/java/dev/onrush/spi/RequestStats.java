package dev.onrush.spi;

import java.util.Map;

/**
 * Everything measured for one request name (or for all requests together) over some span of a run.
 *
 * <p>{@code latencyMs} is measured from the request's <em>intended</em> start (the scheduled arrival, or the
 * moment a virtual user was due to send after its think time) to the end of its response: it includes any
 * time spent waiting for a connection or for a lagging generator. {@code serviceTimeMs} is measured from the
 * actual send. Failed requests are recorded in both.
 *
 * @param requests         requests completed
 * @param errors           failed requests
 * @param errorRatePercent {@code 100 * errors / requests}
 * @param throughputRps    requests per second over the span
 * @param bytesSent        bytes written
 * @param bytesReceived    bytes read
 * @param latencyMs        latency from the intended start
 * @param serviceTimeMs    latency from the actual send
 * @param statusCodes      count per HTTP status code ("200", "503", ...)
 * @param errorsByKind     count per error kind (see {@link ErrorKind#key()})
 */
public record RequestStats(long requests, long errors, double errorRatePercent, double throughputRps,
                           long bytesSent, long bytesReceived, LatencyStats latencyMs, LatencyStats serviceTimeMs,
                           Map<String, Long> statusCodes, Map<String, Long> errorsByKind) {

    public RequestStats {
        statusCodes = Map.copyOf(statusCodes);
        errorsByKind = Map.copyOf(errorsByKind);
    }
}
