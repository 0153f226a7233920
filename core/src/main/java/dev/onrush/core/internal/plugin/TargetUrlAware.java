package dev.onrush.core.internal.plugin;

import java.net.URI;

/**
 * A built-in probe whose default service is the plan's target: the run hands it the target's base URL before it
 * is first sampled, so a plan need not repeat the URL (and {@code --target} moves the probe with the load).
 */
public interface TargetUrlAware {

    /** Called once, before the run starts, on the run's thread. */
    void attachTarget(URI baseUrl);
}
