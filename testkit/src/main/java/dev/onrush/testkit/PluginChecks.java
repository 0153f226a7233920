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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The checks both contract kits make of a provider, and waiting for stages with a timeout. */
final class PluginChecks {

    private PluginChecks() {
    }

    static void publicNoArgConstructorAndId(Class<?> type, String id) throws Exception {
        assertThat(Modifier.isPublic(type.getModifiers())).as("%s is public", type.getName()).isTrue();
        assertThat(Modifier.isAbstract(type.getModifiers())).as("%s is concrete", type.getName()).isFalse();
        Object fresh = type.getConstructor().newInstance();
        assertThat(fresh).isNotNull();
        assertThat(id).as("id()").isNotNull().isNotBlank().doesNotContainAnyWhitespaces();
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
     * Calls {@code call} expecting it to throw or to return a stage that fails, both within {@code timeout}. A
     * stage that completes normally in time passes too (a sink may choose to drop what it cannot send); only
     * hanging past the timeout fails.
     */
    static void failsOrCompletesWithin(String what, Callable<? extends CompletionStage<?>> call, Duration timeout) {
        assertTimeoutPreemptively(timeout, () -> {
            CompletionStage<?> stage;
            try {
                stage = call.call();
            } catch (Exception e) {
                return; // throwing is an accepted answer
            }
            assertThat(stage).as("%s returned a stage", what).isNotNull();
            try {
                stage.toCompletableFuture().get();
            } catch (ExecutionException e) {
                // a failed stage is the expected answer
            }
        }, () -> what + " against an unreachable service neither failed nor completed within " + timeout);
    }
}
