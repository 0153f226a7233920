/**
 * When load happens: the run's timeline of phases, open-model arrival times and closed-model user counts.
 *
 * <p>Rules: pure functions of time, no clocks and no threads. Times are nanoseconds from the run's start
 * ({@code long tNs}). Arrival times come from the integral of the rate (exact for constant rates and linear
 * ramps), never from a timer's tick count: the k-th arrival of the whole run is due when the integrated rate
 * reaches k. An {@link dev.onrush.core.internal.schedule.ArrivalSchedule} is a cheap iterator confined to one
 * thread; a {@link dev.onrush.core.internal.schedule.Timeline} is immutable and shared.
 */
package dev.onrush.core.internal.schedule;
