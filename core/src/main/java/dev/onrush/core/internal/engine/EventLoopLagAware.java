package dev.onrush.core.internal.engine;

import java.util.function.DoubleSupplier;

/**
 * A built-in probe that reports the engine's event-loop lag: the run hands it a supplier of the largest lateness
 * (ms) of any shard's heartbeat since the supplier's previous call.
 */
public interface EventLoopLagAware {

    /** Called once, before the run starts, on the run's thread. */
    void attach(DoubleSupplier maxEventLoopLagMsSinceLastCall);
}
