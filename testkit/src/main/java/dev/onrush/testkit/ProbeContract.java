package dev.onrush.testkit;

import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.probe.ProbeContext;
import dev.onrush.spi.probe.Probe;
import dev.onrush.spi.probe.ProbeProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The contract every {@link Probe} plugin keeps. A probe module's test extends this class and says how to make its
 * probe; the kit creates it through its provider and checks: a public no-arg provider constructor and a non-blank
 * id; snake_case, unique config keys; unknown keys rejected by validation; the run's call order
 * ({@code start(RunInfo, ProbeContext)}, {@code period()}, {@code sample}, {@code close}); a positive period; a
 * sample of the last minute completing within {@link #timeout()} with samples of this probe's id, inside a sane
 * time range; a probe whose service is unreachable failing its sample in time (never hanging, never an empty
 * success); {@code close} completing.
 */
public abstract class ProbeContract {

    /** The provider under test, as {@link java.util.ServiceLoader} would make it. */
    protected abstract ProbeProvider provider();

    /** Settings of a plan entry that work against the service the test set up (without {@code id}). */
    protected abstract Map<String, Object> config();

    /** Settings pointing at an unreachable service, or empty when there is none. Default: empty (skipped). */
    protected Optional<Map<String, Object>> unreachableConfig() {
        return Optional.empty();
    }

    /** How long one call may take; default 30 s. */
    protected Duration timeout() {
        return Duration.ofSeconds(30);
    }

    /**
     * The target URL the run hands the probe in {@link Probe#start}; default a port nothing listens on. A probe
     * whose default service is the system under test overrides it (or names its URL in {@link #config()}).
     */
    protected URI targetUrl() {
        return URI.create("http://127.0.0.1:9");
    }

    /**
     * The probe, made by the provider from {@code settings} after they validated cleanly, and started as a run
     * starts it: {@link Probe#start} (which must not block: it is given {@link #timeout()}), then
     * {@link Probe#period()}, which must be positive.
     */
    protected final Probe started(Map<String, Object> settings) {
        Probe probe = create(settings);
        RunInfo run = new ContractRecords().runInfo(Path.of("target", "probe-contract"));
        ProbeContext context = new ProbeContext(targetUrl(), () -> 0);
        assertTimeoutPreemptively(timeout(), () -> probe.start(run, context), "start(RunInfo, ProbeContext)");
        assertThat(probe.period()).as("period()").isNotNull().isPositive();
        return probe;
    }

    /** The probe, made by the provider from {@code settings} after they validated cleanly. */
    protected final Probe create(Map<String, Object> settings) {
        ProbeProvider p = provider();
        PluginChecks.validConfig(p.id(), settings, p.configKeys());
        Probe probe = p.create(new PluginConfig(p.id(), settings, p.configKeys()));
        assertThat(probe).as("%s.create(...)", p.getClass().getSimpleName()).isNotNull();
        return probe;
    }

    @Test
    void providerHasAPublicNoArgConstructorAndAnId() throws Exception {
        PluginChecks.publicNoArgConstructorAndId(provider(), ProbeProvider::id, ProbeProvider::configKeys);
    }

    @Test
    void configKeysAreSnakeCaseUniqueAndDescribed() {
        PluginChecks.keysAreSnakeCaseAndUnique(provider().configKeys());
    }

    @Test
    void unknownKeysAreRejectedAndTheGivenConfigIsValid() {
        ProbeProvider p = provider();
        PluginChecks.validConfig(p.id(), config(), p.configKeys());
        PluginChecks.unknownKeyRejected(p.id(), config(), p.configKeys());
    }

    @Test
    void samplesAWindowWithinTheTimeoutAndCloses() {
        Probe probe = started(config());
        Instant to = Instant.now();
        Instant from = to.minus(Duration.ofMinutes(1));
        List<ProbeSample> samples = PluginChecks.await("sample", () -> probe.sample(from, to), timeout());
        assertThat(samples).as("samples").isNotNull().doesNotContainNull().allSatisfy(s -> {
            assertThat(s.probeId()).as("probe id of a sample").isEqualTo(provider().id());
            assertThat(s.metric()).as("metric of a sample").isNotBlank();
            assertThat(s.timestamp()).as("timestamp of a sample")
                    .isBetween(from.minus(Duration.ofHours(1)), to.plus(Duration.ofMinutes(5)));
        });
        PluginChecks.await("close", probe::close, timeout());
    }

    /**
     * Against an unreachable service {@code sample} fails its stage (or throws an exception) within
     * {@link #timeout()}: an empty list would read as "nothing new", a silent success. {@code close} ends in time.
     */
    @Test
    void anUnreachableServiceFailsRatherThanHangsOrSucceeds() {
        Optional<Map<String, Object>> settings = unreachableConfig();
        Assumptions.assumeTrue(settings.isPresent(), "the probe has no remote service");
        Probe probe;
        try {
            probe = started(settings.get());
        } catch (IllegalArgumentException e) {
            return; // ProbeProvider.create: refusing settings that cannot work is documented
        }
        Instant to = Instant.now();
        assertThat(PluginChecks.failureOf("sample", () -> probe.sample(to.minusSeconds(60), to), timeout()))
                .as("sample against an unreachable service: its stage must fail (or the call throw), never "
                        + "complete with a list")
                .isNotNull();
        PluginChecks.failureOf("close", probe::close, timeout());
    }
}
