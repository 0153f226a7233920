package dev.onrush.spi;

/**
 * How the load generator itself behaved: the numbers that decide whether a run is {@link Verdict#INCONCLUSIVE}.
 *
 * @param lagMs              generator lag: when the engine got to an arrival (or to a virtual user's next
 *                           request) minus when it was due. The engine's own lateness.
 * @param connectionWaitMs   from when the engine got to a request until it was written: waiting for a free
 *                           connection (the target's back-pressure) or for a new connection to open
 * @param droppedArrivals    open-model arrivals that found the bounded wait queue full and were dropped
 * @param unfinishedRequests requests without an answer when the run's grace period ended: in flight, or due and
 *                           still waiting for a connection; each is also an error of kind {@code unfinished}, with
 *                           the time it waited as its latency
 */
public record GeneratorStats(LatencyStats lagMs, LatencyStats connectionWaitMs, long droppedArrivals,
                             long unfinishedRequests) {
}
