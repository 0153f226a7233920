package dev.onrush.testkit;

import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.probe.Probe;
import dev.onrush.spi.probe.ProbeProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link Probe} plugin keeps. A probe module's test extends this class and says how to make its
 * probe; the kit creates it through its provider and checks: a public no-arg provider constructor and a non-blank
 * id; snake_case, unique config keys; unknown keys rejected by validation; a positive period; a sample of the last
 * minute completing within {@link #timeout()} with samples of this probe's id, inside a sane time range; a probe
 * whose service is unreachable failing or completing rather than hanging; {@code close} completing.
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
        ProbeProvider p = provider();
        PluginChecks.publicNoArgConstructorAndId(p.getClass(), p.id());
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
        Probe probe = create(config());
        Duration period = probe.period();
        assertThat(period).as("period()").isNotNull().isPositive();
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

    @Test
    void anUnreachableServiceFailsRatherThanHangs() {
        Optional<Map<String, Object>> settings = unreachableConfig();
        Assumptions.assumeTrue(settings.isPresent(), "the probe has no remote service");
        Probe probe;
        try {
            probe = create(settings.get());
        } catch (RuntimeException e) {
            return; // refusing to be made is an accepted answer
        }
        Instant to = Instant.now();
        PluginChecks.failsOrCompletesWithin("sample", () -> probe.sample(to.minusSeconds(60), to), timeout());
        PluginChecks.failsOrCompletesWithin("close", probe::close, timeout());
    }
}
