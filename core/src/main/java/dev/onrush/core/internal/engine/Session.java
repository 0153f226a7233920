package dev.onrush.core.internal.engine;

/**
 * One virtual user (closed model) or one arrival (open model) going through a scenario. Pooled per shard and
 * confined to its event loop; the shard drives it (see {@link Shard#runSteps}).
 */
final class Session {

    /** Closed model: loops over scenarios until stopped. Open model: one pass, then back to the pool. */
    boolean closedModel;
    /** Closed model: asked to stop after the current step. */
    boolean stopping;
    CompiledScenario scenario;
    int step;
    /** When the current step was due (the intended start of the current request). */
    long dueNs;
    /** When the engine got to the current request. */
    long reachedNs;
    /** When the current request was written. */
    long sentNs;
    /** Body bytes of the current request (for the size classes of volume tests). */
    long requestBodyBytes;
    /**
     * The step to run when a think time ends, entering the shard's context first (both kept in fields so that
     * scheduling allocates no lambda).
     */
    final Runnable afterThink;
    private final Runnable afterThinkNow;

    Session(Shard shard) {
        this.afterThinkNow = () -> shard.afterThink(this);
        this.afterThink = () -> shard.dispatch(afterThinkNow);
    }

    void begin(CompiledScenario s, long due, boolean closed) {
        this.scenario = s;
        this.step = 0;
        this.dueNs = due;
        this.closedModel = closed;
        this.stopping = false;
    }
}
