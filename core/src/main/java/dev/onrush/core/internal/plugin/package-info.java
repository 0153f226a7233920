/**
 * Finding plugins and turning a plan's {@code sinks:}/{@code probes:} entries into sink and probe instances.
 *
 * <p>Rules: providers are found with {@link java.util.ServiceLoader} from one class loader (the application's, or
 * a {@link java.net.URLClassLoader} over every jar of a plugins folder, kept open as long as the registry is used);
 * the first provider of an id wins. Settings come from the plan entry and from system properties
 * {@code onrush.sink.<id>.<key>} / {@code onrush.probe.<id>.<key>}; the plan wins. Resolution checks every entry
 * before it creates anything it would have to throw away, and reports every problem in one
 * {@link dev.onrush.core.PluginException}. Registries are immutable and thread-safe.
 */
package dev.onrush.core.internal.plugin;
