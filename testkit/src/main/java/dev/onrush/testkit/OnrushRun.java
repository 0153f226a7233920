package dev.onrush.testkit;

import dev.onrush.spi.RunResult;
import dev.onrush.spi.sink.ResultSink;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs a tiny real load test through {@code onrush-core} with one extra sink. The testkit cannot depend on core at
 * compile time (core's tests depend on the testkit: a cycle), so this reaches core's public API by name: the
 * {@code PlanParser} and the {@code Onrush} builder. A plugin module that runs the contract kits needs
 * {@code dev.onrush:onrush-core} in test scope.
 */
final class OnrushRun {

    private OnrushRun() {
    }

    /** Sends about 40 requests over 2 s to {@code targetUrl} on one event loop; {@code sink} sees everything. */
    static RunResult run(String targetUrl, Path outputDir, ResultSink sink) {
        String plan = """
                name: contract
                target: {url: "%s"}
                scenarios:
                  - {name: users, weight: 1, request: {method: GET, path: /api/users}}
                phases:
                  - {name: steady, duration: 2s, rate: 20}
                """.formatted(targetUrl);
        try {
            Class<?> parserType = Class.forName("dev.onrush.core.plan.PlanParser");
            Object parser = parserType.getConstructor().newInstance();
            Object test = parserType.getMethod("parse", String.class, String.class, List.class)
                    .invoke(parser, plan, "contract", List.of());
            Class<?> onrushType = Class.forName("dev.onrush.core.Onrush");
            Object builder = onrushType.getMethod("builder").invoke(null);
            Class<?> builderType = builder.getClass();
            builderType.getMethod("eventLoops", int.class).invoke(builder, 1);
            builderType.getMethod("outputDir", Path.class).invoke(builder, outputDir);
            builderType.getMethod("sink", ResultSink.class).invoke(builder, sink);
            Object onrush = builderType.getMethod("build").invoke(builder);
            Method run = onrushType.getMethod("run", Class.forName("dev.onrush.core.model.LoadTest"));
            return (RunResult) run.invoke(onrush, test);
        } catch (ClassNotFoundException e) {
            return fail("this check runs the sink through Onrush: add dev.onrush:onrush-core in test scope (" + e
                    + ")");
        } catch (InvocationTargetException e) {
            return fail("the run through Onrush failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            return fail("onrush-core on the test classpath does not match this testkit: " + e, e);
        }
    }
}
