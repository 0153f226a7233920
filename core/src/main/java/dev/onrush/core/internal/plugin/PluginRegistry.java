package dev.onrush.core.internal.plugin;

import dev.onrush.core.PluginException;
import dev.onrush.core.model.PluginSpec;
import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.probe.Probe;
import dev.onrush.spi.probe.ProbeProvider;
import dev.onrush.spi.sink.ResultSink;
import dev.onrush.spi.sink.ResultSinkProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/** The sink and probe providers found on one class loader. Immutable, thread-safe. */
public final class PluginRegistry {

    private final Map<String, ResultSinkProvider> sinks;
    private final Map<String, ProbeProvider> probes;

    private PluginRegistry(Map<String, ResultSinkProvider> sinks, Map<String, ProbeProvider> probes) {
        this.sinks = Collections.unmodifiableMap(sinks);
        this.probes = Collections.unmodifiableMap(probes);
    }

    /**
     * Finds the providers visible to {@code loader} ({@code META-INF/services}).
     *
     * @throws IllegalArgumentException when a listed provider cannot be loaded or instantiated
     */
    public static PluginRegistry load(ClassLoader loader) {
        return new PluginRegistry(discover(ResultSinkProvider.class, loader, ResultSinkProvider::id),
                discover(ProbeProvider.class, loader, ProbeProvider::id));
    }

    /**
     * Finds the providers in every {@code *.jar} directly inside {@code dir}, plus those visible to {@code parent}.
     *
     * @throws IllegalArgumentException when {@code dir} is not a readable folder or a provider cannot be loaded
     */
    public static PluginRegistry loadDirectory(Path dir, ClassLoader parent) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("plugins folder " + dir + " is not a folder");
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                jars.add(p.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("plugins folder " + dir + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plugins folder " + dir + ": " + e.getMessage(), e);
        }
        // not closed: the plugin classes must stay loadable for as long as runs may use them
        return load(new URLClassLoader("onrush-plugins", jars.toArray(URL[]::new), parent));
    }

    private static <P> Map<String, P> discover(Class<P> type, ClassLoader loader, Function<P, String> id) {
        Map<String, P> found = new LinkedHashMap<>();
        try {
            for (P p : ServiceLoader.load(type, loader)) {
                found.putIfAbsent(id.apply(p), p);
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("cannot load a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        return found;
    }

    /** The ids plans may use in {@code sinks:}. */
    public Set<String> sinkIds() {
        return sinks.keySet();
    }

    /** The ids plans may use in {@code probes:}. */
    public Set<String> probeIds() {
        return probes.keySet();
    }

    /** The sink provider of {@code id}, or {@code null}. */
    public ResultSinkProvider sinkProvider(String id) {
        return sinks.get(id);
    }

    /** The probe provider of {@code id}, or {@code null}. */
    public ProbeProvider probeProvider(String id) {
        return probes.get(id);
    }

    /** Sinks and probes made for one run. */
    public record Resolved(List<ResultSink> sinks, List<Probe> probes) {
        public Resolved {
            sinks = List.copyOf(sinks);
            probes = List.copyOf(probes);
        }
    }

    /**
     * Makes the sinks and probes of a plan for one run.
     *
     * @param properties where {@code onrush.sink.<id>.<key>} / {@code onrush.probe.<id>.<key>} settings are read
     *                   (normally {@link System#getProperties()}); plan settings win
     * @throws PluginException listing every unknown id, bad setting and refused configuration
     */
    public Resolved resolve(List<PluginSpec> sinkSpecs, List<PluginSpec> probeSpecs, Properties properties) {
        List<String> problems = new ArrayList<>();
        List<Entry<ResultSinkProvider>> sinkEntries = check("sinks", "sink", sinkSpecs, sinks,
                ResultSinkProvider::configKeys, properties, problems);
        List<Entry<ProbeProvider>> probeEntries = check("probes", "probe", probeSpecs, probes,
                ProbeProvider::configKeys, properties, problems);
        if (!problems.isEmpty()) {
            throw new PluginException(problems);
        }
        List<ResultSink> madeSinks = new ArrayList<>();
        List<Probe> madeProbes = new ArrayList<>();
        for (Entry<ResultSinkProvider> e : sinkEntries) {
            create(e, () -> madeSinks.add(requireMade(e.provider.create(e.config))), problems);
        }
        for (Entry<ProbeProvider> e : probeEntries) {
            create(e, () -> madeProbes.add(requireMade(e.provider.create(e.config))), problems);
        }
        if (!problems.isEmpty()) {
            madeProbes.forEach(Probe::close);
            throw new PluginException(problems);
        }
        return new Resolved(madeSinks, madeProbes);
    }

    private record Entry<P>(String path, P provider, PluginConfig config) {
    }

    private static <P> List<Entry<P>> check(String section, String what, List<PluginSpec> specs,
                                            Map<String, P> providers, Function<P, List<ConfigKey>> keysOf,
                                            Properties properties, List<String> problems) {
        List<Entry<P>> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            PluginSpec spec = specs.get(i);
            String path = section + "[" + i + "] (" + spec.id() + ")";
            P provider = providers.get(spec.id());
            if (provider == null) {
                problems.add(path + ": unknown " + what + " \"" + spec.id() + "\"; known: "
                        + (providers.isEmpty() ? "none" : String.join(", ", new TreeSet<>(providers.keySet()))));
                continue;
            }
            List<ConfigKey> keys = keysOf.apply(provider);
            PluginConfig config = new PluginConfig(spec.id(),
                    settings("onrush." + what + "." + spec.id() + ".", spec.settings(), properties), keys);
            List<String> bad = config.validate(keys);
            if (!bad.isEmpty()) {
                String accepted = keys.isEmpty() ? "none"
                        : String.join(", ", keys.stream().map(ConfigKey::name).toList());
                bad.forEach(b -> problems.add(path + "." + b));
                problems.add(path + ": accepted keys: " + accepted);
                continue;
            }
            out.add(new Entry<>(path, provider, config));
        }
        return out;
    }

    /** System properties under {@code prefix}, then the plan's settings over them. */
    private static Map<String, Object> settings(String prefix, Map<String, Object> plan, Properties properties) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                merged.put(name.substring(prefix.length()), properties.getProperty(name));
            }
        }
        merged.putAll(plan);
        return merged;
    }

    private static void create(Entry<?> e, Runnable make, List<String> problems) {
        try {
            make.run();
        } catch (RuntimeException ex) {
            problems.add(e.path + ": " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
        }
    }

    private static <T> T requireMade(T made) {
        if (made == null) {
            throw new IllegalStateException("the provider returned no instance");
        }
        return made;
    }
}
