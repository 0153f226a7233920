package dev.onrush.app;

import dev.onrush.core.model.HumanDuration;
import dev.onrush.demo.DemoTarget;
import dev.onrush.demo.LatencyModel;
import dev.onrush.demo.OptionsBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code onrush target}: runs the DemoTarget alone until interrupted, to aim plans at; with {@code --scale-out} it
 * stands in for a scaled service (read by the {@code demo-capacity} probe), with {@code --leak} for a leaking one.
 */
@Command(name = "target", mixinStandardHelpOptions = true,
        description = "Serve the demo target (GET /api/health, GET /api/users, POST /api/orders, "
                + "GET /api/bytes?size=N; admin: GET /admin/stats, GET /admin/capacity, POST /admin/config) "
                + "until Ctrl-C.")
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

    @Option(names = "--scale-out", paramLabel = "STEP/D",
            description = "Add STEP to the capacity after requests waited without a break for D, e.g. 20/3s "
                    + "(needs --capacity).")
    String scaleOut;

    @Option(names = "--max-capacity", paramLabel = "N",
            description = "The most capacity scale-out may reach. Default: capacity + 3 steps.")
    Integer maxCapacity;

    @Option(names = "--scale-in", paramLabel = "D",
            description = "Remove a step after D with a step too much capacity (never below --capacity).")
    String scaleIn;

    @Option(names = "--leak", paramLabel = "D/s",
            description = "Service time grows by D per second of uptime, e.g. 1ms/s.")
    String leak;

    @Override
    public Integer call() throws InterruptedException {
        try {
            DemoTarget.Options options = options();
            CountDownLatch stop = new CountDownLatch(1);
            try (DemoTarget target = new DemoTarget(options)) {
                target.start();
                Signal.handle(new Signal("INT"), s -> stop.countDown());
                Signal.handle(new Signal("TERM"), s -> stop.countDown());
                System.out.println("demo target listening on " + target.baseUrl() + " (Ctrl-C to stop)"
                        + describeScaling(options));
                stop.await();
                System.out.println("stopping; served " + target.requestsReceived() + " requests"
                        + (options.scales() ? "; capacity " + target.capacity() + " after "
                        + target.scaleEvents().size() + " scale events" : ""));
            }
            return ExitCodes.PASSED;
        } catch (IllegalArgumentException e) {
            System.err.println("onrush target: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    private static String describeScaling(DemoTarget.Options o) {
        String scaling = !o.scales() ? "" : String.format(java.util.Locale.ROOT,
                "; capacity %d, +%d after %s of queueing up to %d%s (GET /admin/capacity)", o.capacity(),
                o.scaleOutStep(), HumanDuration.format(o.scaleOutDelay()), o.maxCapacity(),
                o.scaleInIdle().isZero() ? "" : ", -" + o.scaleOutStep() + " after "
                        + HumanDuration.format(o.scaleInIdle()) + " idle");
        return scaling + (o.leakPerSecond().isZero() ? ""
                : "; leaking " + HumanDuration.format(o.leakPerSecond()) + " of service time per second");
    }

    /**
     * The target's options from the flags.
     *
     * @throws IllegalArgumentException naming the flag that is wrong
     */
    DemoTarget.Options options() {
        OptionsBuilder b = DemoTarget.Options.builder().host(host).port(port).eventLoops(eventLoops)
                .errorRate(errorRate).capacity(capacity);
        if (latency != null) {
            b.latency(LatencyModel.fixed(HumanDuration.parse(latency)));
        }
        if (median != null || p99 != null) {
            if (median == null || p99 == null) {
                throw new IllegalArgumentException("give both --latency-median and --latency-p99");
            }
            b.latency(LatencyModel.logNormal(HumanDuration.parse(median), HumanDuration.parse(p99)));
        }
        if (stall != null || stallEvery != null) {
            if (stall == null || stallEvery == null) {
                throw new IllegalArgumentException("give both --stall and --stall-every");
            }
            b.stalls(HumanDuration.parse(stall), HumanDuration.parse(stallEvery));
        }
        if (scaleOut != null) {
            String[] parts = scaleOut.split("/", -1);
            int step;
            try {
                step = parts.length == 2 ? Integer.parseInt(parts[0].trim()) : -1;
            } catch (NumberFormatException e) {
                step = -1;
            }
            if (step <= 0) {
                throw new IllegalArgumentException("--scale-out: \"" + scaleOut
                        + "\" is not STEP/DURATION with a positive STEP, e.g. 20/3s");
            }
            b.scaleOut(step, HumanDuration.parse(parts[1].trim()),
                    maxCapacity != null ? maxCapacity : capacity + 3 * step);
        } else if (maxCapacity != null || scaleIn != null) {
            throw new IllegalArgumentException("--max-capacity and --scale-in need --scale-out");
        }
        if (scaleIn != null) {
            b.scaleIn(HumanDuration.parse(scaleIn));
        }
        if (leak != null) {
            b.leak(HumanDuration.parse(leak.endsWith("/s") ? leak.substring(0, leak.length() - 2) : leak));
        }
        return b.build();
    }
}
