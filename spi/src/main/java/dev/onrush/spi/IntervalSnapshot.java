package dev.onrush.spi;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * What happened during one interval (normally one second) of a run, merged over every event loop.
 *
 * @param testId                       the run's id
 * @param index                        0 for the first interval, then 1, 2, ...
 * @param start                        when the interval started
 * @param durationS                    its length in seconds (the last one may be shorter)
 * @param phase                        the name of the phase the interval started in
 * @param activeUsers                  virtual users alive at the end of the interval (closed model; 0 otherwise)
 * @param targetRatePerSec             the arrival rate the plan asked for at the end of the interval (open
 *                                     model; 0 otherwise)
 * @param totals                       all requests of the interval together
 * @param requests                     per request name
 * @param generator                    the generator's own lag, connection wait and drops in the interval
 * @param compressedLatencyHistogram   the interval's latency histogram (all requests, nanoseconds, from the
 *                                     intended start) in HdrHistogram's compressed encoding
 *                                     ({@code Histogram.encodeIntoCompressedByteBuffer}); a copy is returned
 */
public record IntervalSnapshot(String testId, long index, Instant start, double durationS, String phase,
                               int activeUsers, double targetRatePerSec, RequestStats totals,
                               Map<String, RequestStats> requests, GeneratorStats generator,
                               byte[] compressedLatencyHistogram) {

    public IntervalSnapshot {
        requests = Map.copyOf(requests);
        compressedLatencyHistogram = compressedLatencyHistogram.clone();
    }

    @Override
    public byte[] compressedLatencyHistogram() {
        return compressedLatencyHistogram.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntervalSnapshot other
                && index == other.index && testId.equals(other.testId) && start.equals(other.start)
                && Double.compare(durationS, other.durationS) == 0 && phase.equals(other.phase)
                && activeUsers == other.activeUsers
                && Double.compare(targetRatePerSec, other.targetRatePerSec) == 0
                && totals.equals(other.totals) && requests.equals(other.requests)
                && generator.equals(other.generator)
                && Arrays.equals(compressedLatencyHistogram, other.compressedLatencyHistogram);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(index) + testId.hashCode();
    }

    @Override
    public String toString() {
        return "IntervalSnapshot[" + testId + " #" + index + " " + phase + " " + totals.requests() + " requests]";
    }
}
