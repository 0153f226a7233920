package dev.onrush.bench;

import dev.onrush.core.Onrush;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.core.model.Target;
import dev.onrush.spi.PhaseResult;
import dev.onrush.spi.RunResult;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Closed-loop maximum throughput of one event loop: {@code CONNECTIONS} users with no think time GET the URL
 * for a warm-up phase, then a measured phase. Prints one line:
 *
 * <pre>onrush rps=.. p50_ms=.. p99_ms=.. transport=.. cpu_s=.. cpu_us_per_request=..</pre>
 *
 * <p>{@code rps} and latencies are the measured phase's; CPU is the process CPU time of the measured phase
 * (see {@link CpuWindow}) divided by the requests of that phase's intervals.
 *
 * <p>Usage: {@code ThroughputMain URL SECONDS_WARMUP SECONDS_MEASURE CONNECTIONS}. The URL must be on
 * 127.0.0.1 or localhost.
 */
public final class ThroughputMain {

    private static final String MEASURE = "measure";

    private ThroughputMain() {
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: ThroughputMain URL SECONDS_WARMUP SECONDS_MEASURE CONNECTIONS");
            System.exit(2);
        }
        URI url = URI.create(args[0]);
        requireLoopback(url);
        int warmupS = Integer.parseInt(args[1]);
        int measureS = Integer.parseInt(args[2]);
        int connections = Integer.parseInt(args[3]);

        LoadTest test = LoadTest.builder("bench-throughput")
                .target(Target.of(origin(url)).withMaxConnections(connections))
                .scenario(Scenario.of("get", 1, Step.Request.of("GET", path(url)), Duration.ZERO))
                .phase("warmup", Duration.ofSeconds(warmupS), LoadShape.users(connections, connections))
                .phase(MEASURE, Duration.ofSeconds(measureS), LoadShape.users(connections, connections))
                .build();
        CpuWindow cpu = new CpuWindow(MEASURE);
        RunResult r = Onrush.builder().eventLoops(1).resultsRoot(Path.of("target/bench-results"))
                .onInterval(cpu).build().run(test);

        PhaseResult measured = r.phases().stream().filter(p -> p.name().equals(MEASURE)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no measure phase in the result"));
        System.out.printf(Locale.ROOT,
                "onrush rps=%.0f p50_ms=%.3f p99_ms=%.3f transport=%s errors=%d cpu_s=%.2f"
                        + " cpu_us_per_request=%.2f%n",
                measured.throughputRps(), measured.latencyMs().p50(), measured.latencyMs().p99(),
                r.engine().transport(), measured.errors(), cpu.cpuSeconds(), cpu.cpuMicrosPerRequest());
    }

    /** The URL without its path: the target's base path would otherwise prefix the request path again. */
    static String origin(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority() + "/";
    }

    static String path(URI url) {
        String p = url.getRawPath();
        String q = url.getRawQuery();
        return (p == null || p.isEmpty() ? "/" : p) + (q == null ? "" : "?" + q);
    }

    static void requireLoopback(URI url) {
        String host = url.getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            throw new IllegalArgumentException("url: benchmarks send load only to 127.0.0.1, got " + url);
        }
    }
}
