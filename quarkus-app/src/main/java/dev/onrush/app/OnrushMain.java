package dev.onrush.app;

import dev.onrush.app.serve.ServeCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * The runner's entry point. Quarkus starts its HTTP server with the application, before any command runs, so the
 * server is off by default ({@code quarkus.http.host-enabled=false}) and {@link #main} turns it on only when the
 * command is {@code serve} (and its options parse), with the port and host that command asked for. Every other
 * command runs with no listening port of the runner's own.
 */
@QuarkusMain
public class OnrushMain implements QuarkusApplication {

    private final CommandLine commandLine;

    @Inject
    public OnrushMain(CommandLine commandLine) {
        this.commandLine = commandLine;
    }

    public static void main(String... args) {
        ServeCommand.httpSettings(args).forEach(System::setProperty);
        Quarkus.run(OnrushMain.class, args);
    }

    @Override
    public int run(String... args) {
        return commandLine.execute(args);
    }
}
