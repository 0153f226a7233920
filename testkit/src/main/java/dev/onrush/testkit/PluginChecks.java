package dev.onrush.testkit;

import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.PluginConfig;

import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The checks both contract kits make of a provider, and waiting for stages with a timeout. */
final class PluginChecks {

    private PluginChecks() {
    }

    /**
     * The provider's class is public, concrete and has a public no-arg constructor; a second instance made with it
     * answers the same {@code id()} and {@code configKeys()} (the SPI: constant), and the id is a plain word.
     */
    static <P> void publicNoArgConstructorAndId(P provider, Function<P, String> id, Function<P, List<ConfigKey>> keys)
            throws Exception {
        Class<?> type = provider.getClass();
        assertThat(Modifier.isPublic(type.getModifiers())).as("%s is public", type.getName()).isTrue();
        assertThat(Modifier.isAbstract(type.getModifiers())).as("%s is concrete", type.getName()).isFalse();
        @SuppressWarnings("unchecked")
        P fresh = (P) type.getConstructor().newInstance();
        assertThat(id.apply(provider)).as("id()").isNotNull().isNotBlank().doesNotContainAnyWhitespaces();
        assertThat(id.apply(fresh)).as("id() of a second %s", type.getSimpleName()).isEqualTo(id.apply(provider));
        assertThat(keys.apply(fresh)).as("configKeys() of a second %s", type.getSimpleName())
                .isEqualTo(keys.apply(provider));
    }

    static void keysAreSnakeCaseAndUnique(List<ConfigKey> keys) {
        assertThat(keys).as("configKeys()").isNotNull().doesNotContainNull();
        Set<String> seen = new HashSet<>();
        for (ConfigKey k : keys) {
            assertThat(ConfigKey.isSnakeCase(k.name())).as("%s is snake_case", k.name()).isTrue();
            assertThat(seen.add(k.name())).as("%s is listed once", k.name()).isTrue();
            assertThat(k.description()).as("description of %s", k.name()).isNotBlank();
            if (k.defaultValue() != null) {
                PluginConfig withDefault = PluginConfig.of("x", Map.of(k.name(), k.defaultValue()));
                assertThat(withDefault.validate(List.of(k))).as("default of %s fits its type", k.name()).isEmpty();
            }
        }
    }

    static void unknownKeyRejected(String id, Map<String, Object> valid, List<ConfigKey> keys) {
        Map<String, Object> settings = new LinkedHashMap<>(valid);
        settings.put("no_such_key_zz", "x");
        List<String> problems = new PluginConfig(id, settings, keys).validate(keys);
        assertThat(problems).as("validation of an unknown key").anyMatch(p -> p.startsWith("no_such_key_zz"));
    }

    static void validConfig(String id, Map<String, Object> valid, List<ConfigKey> keys) {
        assertThat(new PluginConfig(id, valid, keys).validate(keys)).as("problems of the subclass's config()").isEmpty();
    }

    /**
     * Calls {@code call} and waits for its stage on another thread (a plugin may block in a callback); fails the
     * test when the call throws, the stage fails, or both together take longer than {@code timeout}.
     */
    static <T> T await(String what, Callable<? extends CompletionStage<T>> call, Duration timeout) {
        return assertTimeoutPreemptively(timeout, () -> {
            CompletionStage<T> stage = call.call();
            assertThat(stage).as("%s returned a stage", what).isNotNull();
            try {
                return stage.toCompletableFuture().get();
            } catch (ExecutionException e) {
                return fail(what + " failed: " + e.getCause(), e.getCause());
            }
        }, () -> what + " did not complete within " + timeout);
    }

    /**
     * Calls {@code call} against a service that cannot be reached and says whether it failed the way the SPI
     * documents it (a failed stage, or a {@link RuntimeException} thrown by the call) or completed normally. Fails
     * the test when the call or its stage take longer than {@code timeout}, return no stage, or fail with anything
     * the SPI does not document (an {@link Error}, a checked exception thrown past the signature).
     *
     * @return the failure's cause, or {@code null} when the stage completed normally
     */
    static Throwable failureOf(String what, Callable<? extends CompletionStage<?>> call, Duration timeout) {
        return assertTimeoutPreemptively(timeout, () -> {
            CompletionStage<?> stage;
            try {
                stage = call.call();
            } catch (RuntimeException e) {
                return e; // documented: a thrown exception is logged and counted like a failed stage
            } catch (Exception e) {
                return fail(what + " threw a checked exception its signature does not declare: " + e, e);
            }
            assertThat(stage).as("%s returned a stage", what).isNotNull();
            try {
                stage.toCompletableFuture().get();
                return null;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Error) {
                    return fail(what + " failed with an Error, not an exception: " + cause, cause);
                }
                return cause == null ? e : cause;
            }
        }, () -> what + " against an unreachable service neither failed nor completed within " + timeout);
    }
}
