package dev.onrush.app.serve;

import io.quarkus.runtime.Quarkus;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code onrush serve}: the runner as a REST service. The HTTP server is switched on before Quarkus starts (see
 * {@link #httpSettings}), so this command only checks that it may serve, loads the schedules and waits for
 * SIGINT/SIGTERM; a refusal exits 2.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the REST service: submit plans, follow them live, schedule them (needs a token).",
        footer = {"", "Token: ONRUSH_SERVE_TOKEN (or -Donrush.serve.token=...). Allowed targets: "
                + "ONRUSH_SERVE_ALLOWED_TARGETS=host,*.domain,10.0.0.0/8 (see README, Service)."})
public class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "HTTP port (default 8080).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
            description = "Address to listen on (default 0.0.0.0; 127.0.0.1 with --insecure-local-only).")
    String host;

    @Option(names = "--insecure-local-only",
            description = "Serve without a token, on 127.0.0.1 only; targets default to loopback.")
    boolean insecureLocalOnly;

    @Option(names = "--results", paramLabel = "DIR",
            description = "Results folder for runs and schedules (default onrush-results).")
    Path results;

    @Inject
    ServeConfig config;

    @Inject
    ScheduleService schedules;

    @Inject
    RunService runs;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int actualPort;

    @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0")
    String actualHost;

    /**
     * The system properties that turn the HTTP server on for {@code serve}: empty for any other command, and for
     * {@code serve} arguments that do not parse or ask for help (picocli then reports them, with no port opened).
     */
    public static Map<String, String> httpSettings(String... args) {
        if (args.length == 0 || !args[0].equals("serve")) {
            return Map.of();
        }
        ServeCommand options = new ServeCommand();
        CommandLine cl = new CommandLine(options);
        try {
            CommandLine.ParseResult parsed = cl.parseArgs(Arrays.copyOfRange(args, 1, args.length));
            if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
                return Map.of();
            }
        } catch (CommandLine.ParameterException e) {
            return Map.of();
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.http.host-enabled", "true");
        p.put("quarkus.http.port", Integer.toString(options.port));
        p.put("quarkus.http.host", options.insecureLocalOnly ? "127.0.0.1" : options.host);
        p.put("onrush.serve.enabled", "true");
        p.put("onrush.serve.insecure-local-only", Boolean.toString(options.insecureLocalOnly));
        if (options.results != null) {
            p.put("onrush.serve.results-dir", options.results.toString());
        }
        return p;
    }

    @Override
    public Integer call() {
        if (!config.enabled()) {
            System.err.println("onrush serve: the HTTP server is off in this process; start it as `onrush serve`");
            return 2;
        }
        if (config.token().filter(t -> !t.isBlank()).isEmpty() && !config.insecureLocalOnly()) {
            System.err.println("onrush serve: refusing to start: no API token is configured. Set ONRUSH_SERVE_TOKEN "
                    + "(or -Donrush.serve.token=...), or use --insecure-local-only to serve on 127.0.0.1 without one.");
            return 2;
        }
        try {
            runs.policy();
            schedules.start();
        } catch (RuntimeException e) {
            System.err.println("onrush serve: cannot start: " + e.getMessage());
            return 2;
        }
        System.out.println("onrush serve: listening on http://" + actualHost + ":" + actualPort
                + " (API /api, OpenAPI /q/openapi, health /q/health, metrics /q/metrics); results in "
                + runs.resultsRoot() + "; allowed targets " + runs.policy().allowList().entries()
                + (config.insecureLocalOnly() && config.token().isEmpty() ? "; INSECURE: no token, local only" : ""));
        Quarkus.waitForExit();
        return 0;
    }
}
