/**
 * Delivering run data to result sinks without ever slowing the engine.
 *
 * <p>Rules: each sink has its own single worker thread and a bounded queue; calls for one sink are strictly
 * ordered and never concurrent; a full queue drops that interval for that sink and counts it; a thrown exception
 * or failed stage is logged once per sink and counted, never propagated.
 */
package dev.onrush.core.internal.sink;
