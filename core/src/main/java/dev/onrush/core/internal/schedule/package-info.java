/**
 * When load happens: the run's timeline of phases, open-model arrival times and closed-model user counts.
 *
 * <p>Rules: functions of time (and of a steered phase's decided rate), no clocks and no threads of their own.
 * Times are nanoseconds from the run's start ({@code long tNs}). Arrival times come from the integral of the rate
 * (exact for constant rates and linear ramps), never from a timer's tick count: the k-th arrival of the whole run is
 * due when the integrated rate reaches k. An {@link dev.onrush.core.internal.schedule.ArrivalSchedule} is a cheap
 * iterator confined to one thread; a {@link dev.onrush.core.internal.schedule.Timeline} is shared by every thread:
 * its phases and their lengths are fixed, but it is not immutable, since the rate of each <em>steered</em> phase (a
 * stress search's later steps) is written once while the run goes (by the search, on the collector thread) and read
 * by the shards, which wait while it is undecided.
 */
package dev.onrush.core.internal.schedule;
