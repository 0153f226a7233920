/**
 * Probes: plugins that watch the system under test during a run (CPU, instance counts, response times seen by
 * a load balancer) and hand {@link dev.onrush.spi.ProbeSample}s to the sinks and the result.
 *
 * <p>Threading: probes are sampled from one worker thread, never from an event loop; a slow or failing probe is
 * logged and counted and never slows the load generator or fails the run.
 */
package dev.onrush.spi.probe;
