package dev.onrush.app;

import dev.onrush.core.model.HumanDuration;
import dev.onrush.testkit.DemoTarget;
import dev.onrush.testkit.LatencyModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code onrush target}: runs the DemoTarget alone until interrupted, to aim plans at. */
@Command(name = "target", mixinStandardHelpOptions = true,
        description = "Serve the demo target (GET /api/health, GET /api/users, POST /api/orders, "
                + "GET /api/bytes?size=N; admin: GET /admin/stats, POST /admin/config) until Ctrl-C.")
public class TargetCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "Port (0 = any free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--latency", paramLabel = "D", description = "Fixed added service time, e.g. 20ms.")
    String latency;

    @Option(names = "--latency-median", paramLabel = "D",
            description = "Log-normal service time: median (use with --latency-p99).")
    String median;

    @Option(names = "--latency-p99", paramLabel = "D", description = "Log-normal service time: 99th percentile.")
    String p99;

    @Option(names = "--error-rate", defaultValue = "0", description = "Share of requests answered 500, 0..1.")
    double errorRate;

    @Option(names = "--capacity", defaultValue = "0",
            description = "Requests in service at once; more wait in a queue (0 = unlimited).")
    int capacity;

    @Option(names = "--stall", paramLabel = "D", description = "Freeze all responses this long ...")
    String stall;

    @Option(names = "--stall-every", paramLabel = "D", description = "... every this period, e.g. 2s.")
    String stallEvery;

    @Option(names = "--event-loops", defaultValue = "1", description = "Event loops serving. Default: ${DEFAULT-VALUE}.")
    int eventLoops;

    @Override
    public Integer call() throws InterruptedException {
        DemoTarget.Options.Builder b = DemoTarget.Options.builder().host(host).port(port).eventLoops(eventLoops)
                .errorRate(errorRate).capacity(capacity);
        try {
            if (latency != null) {
                b.latency(LatencyModel.fixed(HumanDuration.parse(latency)));
            }
            if (median != null || p99 != null) {
                if (median == null || p99 == null) {
                    System.err.println("onrush target: give both --latency-median and --latency-p99");
                    return ExitCodes.USAGE;
                }
                b.latency(LatencyModel.logNormal(HumanDuration.parse(median), HumanDuration.parse(p99)));
            }
            if (stall != null || stallEvery != null) {
                if (stall == null || stallEvery == null) {
                    System.err.println("onrush target: give both --stall and --stall-every");
                    return ExitCodes.USAGE;
                }
                b.stalls(HumanDuration.parse(stall), HumanDuration.parse(stallEvery));
            }
            DemoTarget.Options options = b.build();
            CountDownLatch stop = new CountDownLatch(1);
            try (DemoTarget target = new DemoTarget(options)) {
                target.start();
                Signal.handle(new Signal("INT"), s -> stop.countDown());
                Signal.handle(new Signal("TERM"), s -> stop.countDown());
                System.out.println("demo target listening on " + target.baseUrl() + " (Ctrl-C to stop)");
                stop.await();
                System.out.println("stopping; served " + target.requestsReceived() + " requests");
            }
            return ExitCodes.PASSED;
        } catch (IllegalArgumentException e) {
            System.err.println("onrush target: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
