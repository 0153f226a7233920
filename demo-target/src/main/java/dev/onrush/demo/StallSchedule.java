package dev.onrush.demo;

import java.time.Duration;

/**
 * Periodic stalls: the server freezes for {@code stallNs} at every multiple of {@code periodNs} after the
 * origin (the first stall starts one period after the origin). Immutable and thread-safe; all time points
 * are {@link System#nanoTime()} values.
 *
 * @param originNs when the schedule starts
 * @param stallNs  how long each stall lasts; {@code 0} disables stalls
 * @param periodNs the time between stall starts; greater than {@code stallNs} when stalls are enabled
 */
record StallSchedule(long originNs, long stallNs, long periodNs) {

    static StallSchedule of(long originNs, Duration stall, Duration period) {
        return new StallSchedule(originNs, stall.toNanos(), period.toNanos());
    }

    /**
     * @param dueNs when a response would be sent without stalls
     * @return {@code dueNs}, or the end of the stall that {@code dueNs} falls in
     */
    long releaseAt(long dueNs) {
        if (stallNs == 0) {
            return dueNs;
        }
        long elapsedNs = dueNs - originNs;
        long stallIndex = Math.floorDiv(elapsedNs, periodNs);
        long stallStartNs = originNs + stallIndex * periodNs;
        if (stallIndex >= 1 && dueNs - stallStartNs < stallNs) {
            return stallStartNs + stallNs;
        }
        return dueNs;
    }
}
