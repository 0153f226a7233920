package dev.onrush.bench;

import dev.onrush.core.Onrush;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.core.model.Target;
import dev.onrush.demo.DemoTarget;
import dev.onrush.spi.PhaseResult;
import dev.onrush.spi.RunResult;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Many virtual users with a long think time against an in-process {@link DemoTarget} ({@code GET /api/users},
 * no added latency): users ramp from 0 to {@code USERS} over {@code RAMP_SECONDS}, then hold for
 * {@code STEADY_SECONDS}. Generator and target share the JVM, its heap and the machine's cores. Prints each
 * phase's requests/s and latency, the run's generator lag p99, heap used (sampled maximum; after a GC two
 * seconds before the end, all users still live; after a GC at the end, users released) and whether an
 * {@link OutOfMemoryError} reached this thread (one on an event loop is only logged: the script greps for it).
 *
 * <p>Usage: {@code ScaleMain USERS THINK_SECONDS RAMP_SECONDS STEADY_SECONDS CONNECTIONS}.
 */
public final class ScaleMain {

    private static volatile long liveWithUsersBytes = -1;

    private ScaleMain() {
    }

    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: ScaleMain USERS THINK_SECONDS RAMP_SECONDS STEADY_SECONDS CONNECTIONS");
            System.exit(2);
        }
        int users = Integer.parseInt(args[0]);
        Duration think = Duration.ofSeconds(Long.parseLong(args[1]));
        Duration ramp = Duration.ofSeconds(Long.parseLong(args[2]));
        Duration steady = Duration.ofSeconds(Long.parseLong(args[3]));
        int connections = Integer.parseInt(args[4]);

        boolean oom = false;
        RunResult r = null;
        try (HeapSampler heap = new HeapSampler(100);
             DemoTarget target = new DemoTarget(DemoTarget.Options.builder().build())) {
            target.start();
            LoadTest test = LoadTest.builder("bench-scale")
                    .target(Target.of(target.baseUrl()).withMaxConnections(connections))
                    .scenario(Scenario.of("get", 1, Step.Request.of("GET", "/api/users"), think))
                    .phase("ramp", ramp, LoadShape.users(0, users))
                    .phase("steady", steady, LoadShape.users(users, users))
                    .build();
            // one full GC in the steady phase's second-to-last interval: live heap while every user exists
            long gcAtInterval = Long.parseLong(args[2]) + Long.parseLong(args[3]) - 2;
            try {
                r = Onrush.builder().eventLoops(1).resultsRoot(Path.of("target/bench-results"))
                        .onInterval(s -> {
                            if (s.index() == gcAtInterval) {
                                liveWithUsersBytes = heap.usedAfterGc();
                            }
                        }).build().run(test);
            } catch (OutOfMemoryError e) {
                oom = true;
            }
            report(users, think, r, heap, oom);
        }
    }

    private static void report(int users, Duration think, RunResult r, HeapSampler heap, boolean oom) {
        long afterGc = heap.usedAfterGc();
        System.out.printf(Locale.ROOT, "scale users=%d think_s=%d oom_caught=%s heap_max_sampled_mb=%.0f"
                        + " heap_live_with_users_mb=%.0f heap_after_gc_at_end_mb=%.0f heap_limit_mb=%.0f%n", users,
                think.toSeconds(), oom, heap.maxUsedBytes() / 1048576.0, liveWithUsersBytes / 1048576.0,
                afterGc / 1048576.0, heap.maxHeapBytes() / 1048576.0);
        if (r == null) {
            return;
        }
        for (PhaseResult p : r.phases()) {
            System.out.printf(Locale.ROOT, "scale phase=%s rps=%.0f requests=%d errors=%d p50_ms=%.2f"
                            + " p99_ms=%.2f max_ms=%.2f%n", p.name(), p.throughputRps(), p.requests(), p.errors(),
                    p.latencyMs().p50(), p.latencyMs().p99(), p.latencyMs().max());
        }
        System.out.printf(Locale.ROOT, "scale lag_p99_ms=%.2f lag_max_ms=%.2f conn_wait_p99_ms=%.2f"
                        + " unfinished=%d errors_by_kind=%s transport=%s verdict=%s%n",
                r.generator().lagMs().p99(), r.generator().lagMs().max(), r.generator().connectionWaitMs().p99(),
                r.generator().unfinishedRequests(), r.errorsByKind(), r.engine().transport(), r.verdict());
    }
}
