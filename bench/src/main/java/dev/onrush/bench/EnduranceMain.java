package dev.onrush.bench;

import dev.onrush.core.Onrush;
import dev.onrush.core.model.LoadSettings;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.core.model.Target;
import dev.onrush.core.model.TestType;
import dev.onrush.demo.DemoTarget;
import dev.onrush.spi.RunResult;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Does the generator run flat? An endurance test of {@code MINUTES} at {@code RATE} arrivals/s (three request
 * names) against an in-process {@link DemoTarget}; once a minute the live heap is measured after a full GC (a
 * pause of a few milliseconds the run absorbs). Prints the live heap per minute, its least-squares slope, the
 * number of snapshots the result kept, and the run's own endurance analysis of the generator's heap floor.
 *
 * <p>Usage: {@code EnduranceMain MINUTES RATE [PLANNED_MINUTES]}. With a planned length longer than {@code MINUTES}
 * the run is stopped (aborted) after {@code MINUTES}: the result keeps the coarser snapshots of a long run, so the
 * live heap shows the engine alone.
 */
public final class EnduranceMain {

    private EnduranceMain() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: EnduranceMain MINUTES RATE [PLANNED_MINUTES]");
            System.exit(2);
        }
        int minutes = Integer.parseInt(args[0]);
        double rate = Double.parseDouble(args[1]);
        int planned = args.length == 3 ? Integer.parseInt(args[2]) : minutes;
        List<double[]> live = new ArrayList<>();
        try (HeapSampler heap = new HeapSampler(1000);
             DemoTarget target = new DemoTarget(DemoTarget.Options.builder().build())) {
            target.start();
            LoadTest test = LoadTest.builder("bench-endurance").type(TestType.ENDURANCE)
                    .target(Target.of(target.baseUrl()).withMaxConnections(100))
                    .scenario(new Scenario("browse", 1, List.of(Step.Request.of("GET", "/api/users"),
                            Step.Request.of("GET", "/api/bytes?size=512"),
                            Step.Request.of("POST", "/api/orders").withJsonBody("{\"product_id\":1}"))))
                    .load(LoadSettings.rate(rate, Duration.ofMinutes(Math.max(minutes, planned)), Duration.ZERO,
                            Duration.ZERO))
                    .build();
            var handle = Onrush.builder().eventLoops(1).resultsRoot(Path.of("target/bench-results"))
                    .onInterval(s -> {
                        if (s.index() % 60 == 59) {
                            double mb = heap.usedAfterGc() / 1048576.0;
                            live.add(new double[] {(s.index() + 1) / 60.0, mb});
                            System.out.printf(Locale.ROOT, "endurance minute=%.0f live_heap_mb=%.2f%n",
                                    (s.index() + 1) / 60.0, mb);
                        }
                    }).build().start(test);
            if (planned > minutes) {
                sleep(Duration.ofMinutes(minutes).plusMillis(500));
                handle.abort("the bench measured " + minutes + " of the " + planned + " planned minutes");
            }
            report(handle.await(), live, heap);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static void report(RunResult r, List<double[]> live, HeapSampler heap) {
        // the first minute holds JIT and connection warm-up: fitted from the second on
        List<double[]> fit = live.size() > 2 ? live.subList(1, live.size()) : live;
        double mx = fit.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double my = fit.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double sxx = fit.stream().mapToDouble(p -> (p[0] - mx) * (p[0] - mx)).sum();
        double sxy = fit.stream().mapToDouble(p -> (p[0] - mx) * (p[1] - my)).sum();
        double slopeKbPerMin = sxx == 0 ? 0 : sxy / sxx * 1024;
        Map<String, Object> endurance = (Map<String, Object>) r.analysis().get("endurance");
        Object heapTrend = endurance == null ? null : endurance.get("generator_heap_floor_mb");
        System.out.printf(Locale.ROOT, "endurance requests=%d rps=%.0f p99_ms=%.2f lag_p99_ms=%.2f verdict=%s%n",
                r.totals().requests(), r.totals().throughputRps(), r.latencyMs().p99(),
                r.generator().lagMs().p99(), r.verdict());
        System.out.printf(Locale.ROOT, "endurance live_heap_first_mb=%.2f live_heap_last_mb=%.2f"
                        + " slope_kb_per_min=%.1f kept_snapshots=%d heap_limit_mb=%.0f%n",
                live.isEmpty() ? -1 : live.get(0)[1], live.isEmpty() ? -1 : live.get(live.size() - 1)[1],
                slopeKbPerMin, r.intervals().size(), heap.maxHeapBytes() / 1048576.0);
        System.out.println("endurance analysis_heap_floor=" + heapTrend + " drift=" + (endurance == null ? "-"
                : endurance.get("drift")));
    }
}
