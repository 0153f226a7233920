package dev.onrush.sink.dynamodb;

import dev.onrush.testkit.Dynalite;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;

/**
 * Gives tests a {@link Dynalite} parameter: one server for the whole test run, started on first use and stopped
 * when JUnit closes its root store at the end.
 */
final class DynaliteExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Dynalite.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Dynalite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Dynalite.class, k -> Dynalite.start(Path.of(""), "dynalite.log"),
                Dynalite.class);
    }
}
