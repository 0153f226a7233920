package dev.onrush.core;

import dev.onrush.core.internal.plugin.PluginRegistry;
import dev.onrush.core.internal.run.RunExecution;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.PluginSpec;
import dev.onrush.core.model.SecretHeaders;
import dev.onrush.core.plan.PlanParser;
import dev.onrush.core.plan.PlanWriter;
import dev.onrush.core.sink.ConsoleSink;
import dev.onrush.core.sink.ConsoleSinkProvider;
import dev.onrush.core.sink.HtmlReportSink;
import dev.onrush.core.sink.RunFilesSink;
import dev.onrush.core.sink.RunFolderException;
import dev.onrush.core.sink.RunFolderLock;
import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.probe.ProbeProvider;
import dev.onrush.spi.sink.ResultSink;
import dev.onrush.spi.sink.ResultSinkProvider;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs load tests. Configure once with {@link #builder()}, then {@link #run} (blocking) or {@link #start}
 * (returns a {@link RunHandle}). Every run writes its folder ({@code plan.yaml}: the plan as run, with the values
 * of {@linkplain Builder#secretHeaders secret headers} redacted; {@code result.json}, {@code intervals.jsonl},
 * {@code latency.hlog} and, unless turned off, {@code report.html}) under the results root, then hands its data
 * to the configured sinks: the console, the
 * sinks the plan names in {@code sinks:} (made per run by the providers found with {@link java.util.ServiceLoader},
 * see {@link Builder#plugins} and {@link Builder#pluginsDir}), then the ones given to {@link Builder#sink}. The
 * plan's {@code probes:} are sampled during the run; their samples go to every sink and into
 * {@link RunResult#probes()}. Plugin settings may also come from the system properties
 * {@code onrush.sink.<id>.<key>} and {@code onrush.probe.<id>.<key>} (the plan wins). Thread-safe: several runs
 * may go at once (each has its own Vert.x instance).
 *
 * <pre>{@code
 * LoadTest test = LoadTest.builder("smoke").target("http://127.0.0.1:8080")
 *         .scenario(Scenario.of("users", 1, Step.Request.of("GET", "/api/users"), Duration.ZERO))
 *         .phase("steady", Duration.ofSeconds(10), LoadShape.rate(200, 200))
 *         .criterion("p95 < 200ms").build();
 * RunResult result = Onrush.builder().build().run(test);
 * }</pre>
 */
public final class Onrush {

    /** The plan as run, secret header values redacted, in every run folder. */
    public static final String PLAN_FILE = "plan.yaml";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final int eventLoops;
    private final Path resultsRoot;
    private final Path outputDir;
    private final List<ResultSink> sinks;
    private final PrintStream console;
    private final boolean interactive;
    private final boolean htmlReport;
    private final Consumer<IntervalSnapshot> listener;
    private final Consumer<String> warn;
    private final long seed;
    private final PluginRegistry plugins;
    private final SecretHeaders secretHeaders;

    private Onrush(Builder b, PluginRegistry plugins) {
        this.plugins = plugins;
        this.eventLoops = b.eventLoops;
        this.resultsRoot = b.resultsRoot;
        this.outputDir = b.outputDir;
        this.sinks = List.copyOf(b.sinks);
        this.console = b.console;
        this.interactive = b.interactive;
        this.htmlReport = b.htmlReport;
        this.listener = b.listener;
        this.warn = b.warn;
        this.seed = b.seed;
        this.secretHeaders = b.secretHeaders;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The sink ids plans may name: the built-in ones and every plugin found. */
    public Set<String> sinkIds() {
        return plugins.sinkIds();
    }

    /** The probe ids plans may name. */
    public Set<String> probeIds() {
        return plugins.probeIds();
    }

    /**
     * The settings the sink {@code id} accepts (its provider's {@code configKeys()}), or empty when this instance
     * has no such sink plugin (the built-in run-folder entries and plugins alike).
     */
    public Optional<List<ConfigKey>> sinkConfigKeys(String id) {
        return Optional.ofNullable(plugins.sinkProvider(id)).map(ResultSinkProvider::configKeys);
    }

    /** The settings the probe {@code id} accepts, or empty when this instance has no such probe plugin. */
    public Optional<List<ConfigKey>> probeConfigKeys(String id) {
        return Optional.ofNullable(plugins.probeProvider(id)).map(ProbeProvider::configKeys);
    }

    /** The headers whose values this instance redacts in {@link #PLAN_FILE}. */
    public SecretHeaders secretHeaders() {
        return secretHeaders;
    }

    /** A plan parser that accepts exactly the sink and probe ids this instance can make. */
    public PlanParser planParser() {
        return new PlanParser(sinkIds(), probeIds());
    }

    /**
     * Runs {@code test} to its end on the calling thread and returns its result.
     *
     * @throws PluginException    before anything starts when the plan's sinks or probes cannot be made
     * @throws RunFolderException before any load is sent when the run folder cannot be used (see
     *                            {@link RunFolderLock}: not a folder, not writable, too little space, in use)
     */
    public RunResult run(LoadTest test) {
        Prepared prepared = prepare(test);
        try (RunFolderLock ignored = prepared.lock()) {
            return prepared.execution().execute();
        }
    }

    /**
     * Starts {@code test} on a new thread and returns at once.
     *
     * @throws PluginException    before anything starts when the plan's sinks or probes cannot be made
     * @throws RunFolderException before any load is sent when the run folder cannot be used
     */
    public RunHandle start(LoadTest test) {
        Prepared prepared = prepare(test);
        RunExecution execution = prepared.execution();
        CompletableFuture<RunResult> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            // the folder is released before the result is handed on, so whoever waits for it may take it again
            try {
                RunResult r;
                try {
                    r = execution.execute();
                } finally {
                    prepared.lock().close();
                }
                result.complete(r);
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "onrush-run-" + execution.testId());
        t.start();
        return new RunHandle(execution, prepared.dir(), result);
    }

    private record Prepared(RunExecution execution, Path dir, RunFolderLock lock) {
    }

    private Prepared prepare(LoadTest test) {
        Objects.requireNonNull(test, "test");
        // a console already shown by the caller is not added twice by a plan's {id: console}
        List<PluginSpec> planSinks = console == null ? test.sinks()
                : test.sinks().stream().filter(s -> !s.id().equals(ConsoleSinkProvider.ID)).toList();
        PluginRegistry.Resolved made = plugins.resolve(planSinks, test.probes(), System.getProperties());
        RunFolderLock lock = RunFolderLock.acquire(createRunDir(test.name()));
        try {
            return prepare(test, made, lock);
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    private Prepared prepare(LoadTest test, PluginRegistry.Resolved made, RunFolderLock lock) {
        Path dir = lock.dir();
        String testId = dir.getFileName().toString();
        writePlan(test, dir);
        List<ResultSink> all = new ArrayList<>();
        all.add(new RunFilesSink(dir));
        if (htmlReport) {
            all.add(new HtmlReportSink(dir));
        }
        int localSinks = all.size();
        if (console != null) {
            all.add(new ConsoleSink(console, interactive,
                    htmlReport ? dir.resolve(HtmlReportSink.REPORT_FILE) : null));
        }
        all.addAll(made.sinks());
        all.addAll(sinks);
        return new Prepared(new RunExecution(test, testId, dir, eventLoops, seed, all, localSinks, made.probes(),
                listener, warn), dir, lock);
    }

    private void writePlan(LoadTest test, Path dir) {
        try {
            Files.writeString(dir.resolve(PLAN_FILE), new PlanWriter().toYaml(secretHeaders.redact(test)));
        } catch (IOException | RuntimeException e) {
            // the plan copy is a convenience: the run goes on without it
            warn.accept("cannot write " + dir.resolve(PLAN_FILE) + ": " + e.getMessage());
        }
    }

    /** The run's folder: {@link Builder#outputDir} as given ({@link RunFolderLock} checks it), or a new one. */
    private Path createRunDir(String name) {
        if (outputDir != null) {
            return outputDir;
        }
        try {
            Files.createDirectories(resultsRoot);
            String base = LocalDateTime.now().format(STAMP) + "-" + name.replaceAll("[^A-Za-z0-9._-]+", "-");
            for (int n = 1; ; n++) {
                Path dir = resultsRoot.resolve(n == 1 ? base : base + "-" + n);
                try {
                    return Files.createDirectory(dir);
                } catch (FileAlreadyExistsException e) {
                    // a run of the same name started in the same second: take the next suffix
                }
            }
        } catch (IOException e) {
            throw new RunFolderException(resultsRoot, "a run folder cannot be created in it (" + e.getMessage()
                    + ")", e);
        }
    }

    /** Settings of an {@link Onrush}. Not thread-safe. */
    public static final class Builder {
        private int eventLoops = Runtime.getRuntime().availableProcessors();
        private Path resultsRoot = Path.of("onrush-results");
        private Path outputDir;
        private final List<ResultSink> sinks = new ArrayList<>();
        private PrintStream console;
        private boolean interactive;
        private boolean htmlReport = true;
        private Consumer<IntervalSnapshot> listener = s -> { };
        private Consumer<String> warn = m -> System.err.println("onrush: warning: " + m);
        private long seed = 42;
        private ClassLoader pluginLoader = Onrush.class.getClassLoader();
        private Path pluginsDir;
        private SecretHeaders secretHeaders = SecretHeaders.defaults();

        private Builder() {
        }

        /** Event loops (= shards) generating load; default: the number of processors. */
        public Builder eventLoops(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("eventLoops must be >= 1, got " + n);
            }
            this.eventLoops = n;
            return this;
        }

        /** Folder under which each run gets {@code <yyyyMMdd-HHmmss>-<name>/}; default {@code onrush-results}. */
        public Builder resultsRoot(Path root) {
            this.resultsRoot = Objects.requireNonNull(root, "root");
            return this;
        }

        /** Exact folder for the run's files (instead of a new folder under the results root). */
        public Builder outputDir(Path dir) {
            this.outputDir = dir;
            return this;
        }

        /** Adds a result sink (after the built-in files and console). */
        public Builder sink(ResultSink sink) {
            sinks.add(Objects.requireNonNull(sink, "sink"));
            return this;
        }

        /**
         * Prints live progress and the summary to {@code out}; {@code interactive} rewrites the progress line
         * in place (for a terminal). Default: no console output.
         */
        public Builder console(PrintStream out, boolean interactive) {
            this.console = out;
            this.interactive = interactive;
            return this;
        }

        /** Whether each run writes {@code report.html} into its folder; default {@code true}. */
        public Builder htmlReport(boolean enabled) {
            this.htmlReport = enabled;
            return this;
        }

        /** Called on the collector thread after each interval; must be quick. */
        public Builder onInterval(Consumer<IntervalSnapshot> l) {
            this.listener = Objects.requireNonNull(l, "listener");
            return this;
        }

        /** Where warnings go (sink failures); default standard error. */
        public Builder warnings(Consumer<String> w) {
            this.warn = Objects.requireNonNull(w, "warnings");
            return this;
        }

        /**
         * The request headers whose values are redacted in the run folder's {@link #PLAN_FILE}; default
         * {@link SecretHeaders#defaults()} ({@code Authorization}, {@code Proxy-Authorization}, {@code Cookie},
         * {@code Set-Cookie}, {@code X-Api-Key}). Nothing else a run stores carries header values.
         */
        public Builder secretHeaders(SecretHeaders headers) {
            this.secretHeaders = Objects.requireNonNull(headers, "headers");
            return this;
        }

        /** Seed of the random scenario picks; default 42. */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * Where sink and probe providers are looked up ({@code META-INF/services}); default: the class loader that
         * loaded Onrush, which sees the built-in {@code console}, {@code json} and {@code hdr-log}.
         */
        public Builder plugins(ClassLoader loader) {
            this.pluginLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /**
         * Also loads providers from every {@code *.jar} directly inside {@code dir} (on top of
         * {@link #plugins(ClassLoader)}'s loader). The jars are read when {@link #build()} is called and stay open
         * as long as the {@link Onrush} instance is used.
         */
        public Builder pluginsDir(Path dir) {
            this.pluginsDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * @throws IllegalArgumentException when the plugins folder is not a folder or a listed provider cannot be
         *                                  loaded
         */
        public Onrush build() {
            PluginRegistry registry = pluginsDir == null ? PluginRegistry.load(pluginLoader)
                    : PluginRegistry.loadDirectory(pluginsDir, pluginLoader);
            return new Onrush(this, registry);
        }
    }
}
