package dev.onrush.app.serve;

import dev.onrush.demo.DemoTarget;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.WithDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A long-lived service forgets old finished runs (they stay in their folders) instead of keeping every result. */
class RunServicePruneTest {

    @TempDir
    Path results;

    /** The settings' defaults, with {@code values} (by method name) on top. */
    private static ServeConfig config(Map<String, Object> values) {
        return (ServeConfig) Proxy.newProxyInstance(ServeConfig.class.getClassLoader(),
                new Class<?>[] {ServeConfig.class}, (proxy, m, args) -> {
                    if (values.containsKey(m.getName())) {
                        return values.get(m.getName());
                    }
                    if (m.getReturnType() == Optional.class) {
                        return Optional.empty();
                    }
                    return parse(m, m.getAnnotation(WithDefault.class).value());
                });
    }

    private static Object parse(Method m, String text) {
        Class<?> t = m.getReturnType();
        if (t == int.class) {
            return Integer.parseInt(text);
        }
        if (t == double.class) {
            return Double.parseDouble(text);
        }
        if (t == boolean.class) {
            return Boolean.parseBoolean(text);
        }
        if (t == Duration.class) {
            return dev.onrush.core.model.HumanDuration.parse(text);
        }
        return text;
    }

    @Test
    void onlyTheNewestFinishedRunsStayInMemoryAndTheOthersAreStillServedFromTheirFolders() throws Exception {
        try (DemoTarget target = new DemoTarget(DemoTarget.Options.defaults())) {
            target.start();
            RunService service = new RunService(config(Map.of("finishedRunsKept", 2, "maxConcurrentRuns", 1,
                    "resultsDir", results.toString(), "allowedTargets", Optional.of(List.of("127.0.0.1")),
                    "eventLoops", 1)), new SimpleMeterRegistry());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ServedRun run = service.submit("""
                        name: r%d
                        target: {url: "%s"}
                        scenarios: [{name: s, request: {path: /api/users}}]
                        phases: [{name: p, duration: 300ms, rate: 20}]
                        """.formatted(i, target.baseUrl()), "r" + i + ".yaml", "api");
                ids.add(run.id());
                run.awaitDone(Duration.ofSeconds(30));
            }

            // the last run's bookkeeping may finish a moment after its result
            for (int wait = 0; wait < 100 && service.liveRuns().size() > 2; wait++) {
                Thread.sleep(50);
            }
            assertThat(service.liveRuns()).extracting(ServedRun::id).containsExactly(ids.get(3), ids.get(2));
            assertThat(service.live(ids.get(0))).isEmpty();
            assertThat(service.storedRunIds()).contains(ids.get(0), ids.get(1));
            assertThat(service.folder(ids.get(0))).get().satisfies(d -> assertThat(d.resolve("result.json")).exists());
        }
    }
}
