package dev.onrush.testkit;

import dev.onrush.demo.DemoTarget;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.sink.ResultSink;
import dev.onrush.spi.sink.ResultSinkProvider;
import io.vertx.core.Context;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link ResultSink} plugin keeps. A sink module's test extends this class and says how to make
 * its sink; the kit creates it through its provider and checks: a public no-arg provider constructor and a
 * non-blank id; snake_case, unique config keys; unknown keys rejected by validation; the lifecycle
 * {@code onStart → onInterval* → onProbeSample* → onComplete} completing within {@link #timeout()} with realistic
 * records ({@link ContractRecords}); a sink whose service is unreachable ending every callback in time and failing
 * at least one (never a silent success, never a hang); and, in a tiny real run against a {@link DemoTarget}
 * through Onrush's dispatcher, no callback on a Vert.x event loop. That last check needs
 * {@code dev.onrush:onrush-core} on the test classpath.
 *
 * <p>Each test makes new sinks; subclasses that start servers (a local S3, a WireMock) do so in their own
 * {@code @BeforeAll}/{@code @BeforeEach}.
 */
public abstract class ResultSinkContract {

    @TempDir
    protected Path runDir;

    /** The provider under test, as {@link java.util.ServiceLoader} would make it. */
    protected abstract ResultSinkProvider provider();

    /** Settings of a plan entry that work against the service the test set up (without {@code id}). */
    protected abstract Map<String, Object> config();

    /**
     * Settings that point the sink at a closed or unreachable service (a port nothing listens on), or empty when
     * the sink has no remote service. Default: empty (the check is skipped, visibly).
     */
    protected Optional<Map<String, Object>> unreachableConfig() {
        return Optional.empty();
    }

    /** How long one callback may take; default 30 s. */
    protected Duration timeout() {
        return Duration.ofSeconds(30);
    }

    /** The sink, made by the provider from {@code settings} after they validated cleanly. */
    protected final ResultSink create(Map<String, Object> settings) {
        ResultSinkProvider p = provider();
        PluginChecks.validConfig(p.id(), settings, p.configKeys());
        ResultSink sink = p.create(new PluginConfig(p.id(), settings, p.configKeys()));
        assertThat(sink).as("%s.create(...)", p.getClass().getSimpleName()).isNotNull();
        return sink;
    }

    @Test
    void providerHasAPublicNoArgConstructorAndAnId() throws Exception {
        PluginChecks.publicNoArgConstructorAndId(provider(), ResultSinkProvider::id, ResultSinkProvider::configKeys);
    }

    @Test
    void configKeysAreSnakeCaseUniqueAndDescribed() {
        PluginChecks.keysAreSnakeCaseAndUnique(provider().configKeys());
    }

    @Test
    void unknownKeysAreRejectedAndTheGivenConfigIsValid() {
        ResultSinkProvider p = provider();
        PluginChecks.validConfig(p.id(), config(), p.configKeys());
        PluginChecks.unknownKeyRejected(p.id(), config(), p.configKeys());
    }

    @Test
    void lifecycleCompletesWithinTheTimeout() {
        ResultSink sink = create(config());
        ContractRecords records = new ContractRecords();
        RunInfo info = records.runInfo(runDir);
        PluginChecks.await("onStart", () -> sink.onStart(info), timeout());
        for (int i = 0; i < 3; i++) {
            IntervalSnapshot interval = records.interval(i);
            PluginChecks.await("onInterval #" + i, () -> sink.onInterval(interval), timeout());
            ProbeSample sample = records.probeSample(i + 1);
            PluginChecks.await("onProbeSample #" + i, () -> sink.onProbeSample(sample), timeout());
        }
        RunResult result = records.result(3);
        PluginChecks.await("onComplete", () -> sink.onComplete(result), timeout());
    }

    /**
     * Against an unreachable service every callback ends within {@link #timeout()}, and the sink says that it
     * could not deliver: at least one callback (the one that would have sent: an interval for a live sink, the
     * result for one that writes at the end) fails its stage or throws an exception; the others may complete (a
     * sink may buffer, or have nothing to send). A provider may also refuse to make the sink with the
     * {@link IllegalArgumentException} its contract documents.
     */
    @Test
    void anUnreachableServiceFailsRatherThanHangsOrSucceeds() {
        Optional<Map<String, Object>> settings = unreachableConfig();
        Assumptions.assumeTrue(settings.isPresent(), "the sink has no remote service");
        ContractRecords records = new ContractRecords();
        ResultSink sink;
        try {
            sink = create(settings.get());
        } catch (IllegalArgumentException e) {
            return; // ResultSinkProvider.create: refusing settings that cannot work is documented
        }
        RunInfo info = records.runInfo(runDir);
        IntervalSnapshot interval = records.interval(0);
        ProbeSample sample = records.probeSample(1);
        RunResult result = records.result(1);
        Map<String, Throwable> failures = new java.util.LinkedHashMap<>();
        failures.put("onStart", PluginChecks.failureOf("onStart", () -> sink.onStart(info), timeout()));
        failures.put("onInterval", PluginChecks.failureOf("onInterval", () -> sink.onInterval(interval), timeout()));
        failures.put("onProbeSample", PluginChecks.failureOf("onProbeSample", () -> sink.onProbeSample(sample),
                timeout()));
        failures.put("onComplete", PluginChecks.failureOf("onComplete", () -> sink.onComplete(result), timeout()));
        assertThat(failures.values()).as("callbacks that failed against an unreachable service (a sink that "
                + "delivered nothing must say so: a failed stage or a thrown exception, never only successes): %s",
                failures).anyMatch(java.util.Objects::nonNull);
    }

    @Test
    void callbacksThroughOnrushAreNeverOnAnEventLoop() {
        EventLoopWatch watch = new EventLoopWatch(create(config()));
        RunResult result;
        try (DemoTarget target = new DemoTarget(DemoTarget.Options.builder().build())) {
            target.start();
            result = OnrushRun.run(target.baseUrl(), runDir.resolve("run"), watch);
        }
        assertThat(result.totals().requests()).as("requests of the run").isPositive();
        assertThat(watch.calls).as("callbacks the sink received").contains("onStart", "onInterval", "onComplete");
        assertThat(watch.onEventLoop).as("callbacks made on an event loop thread").isEmpty();
    }

    /** Delegates to the sink under test and notes each callback and whether it came on an event loop. */
    private static final class EventLoopWatch implements ResultSink {
        final ResultSink sink;
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<String> onEventLoop = new CopyOnWriteArrayList<>();

        EventLoopWatch(ResultSink sink) {
            this.sink = sink;
        }

        private void note(String what) {
            calls.add(what);
            if (Context.isOnEventLoopThread()) {
                onEventLoop.add(what + " on " + Thread.currentThread().getName());
            }
        }

        @Override
        public CompletionStage<Void> onStart(RunInfo run) {
            note("onStart");
            return sink.onStart(run);
        }

        @Override
        public CompletionStage<Void> onInterval(IntervalSnapshot interval) {
            note("onInterval");
            return sink.onInterval(interval);
        }

        @Override
        public CompletionStage<Void> onProbeSample(ProbeSample sample) {
            note("onProbeSample");
            return sink.onProbeSample(sample);
        }

        @Override
        public CompletionStage<Void> onComplete(RunResult result) {
            note("onComplete");
            return sink.onComplete(result);
        }
    }
}
