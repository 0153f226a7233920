package dev.onrush.core;

import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.demo.DemoTarget;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.Verdict;
import dev.onrush.spi.sink.ResultSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A sink whose service is down loses nothing: what it could not take is kept in the run folder. */
class UndeliveredSpoolTest {

    @TempDir
    Path results;

    /** Stands for a sink whose remote service is unreachable (after its own retries). */
    static final class DownSink implements ResultSink {
        @Override
        public CompletionStage<Void> onInterval(IntervalSnapshot interval) {
            return CompletableFuture.failedFuture(new IOException("service unreachable"));
        }

        @Override
        public CompletionStage<Void> onComplete(RunResult result) {
            throw new IllegalStateException("service unreachable");
        }
    }

    @Test
    void whatAFailingSinkCouldNotTakeIsSpooledIntoTheRunFolderAndReported() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (DemoTarget target = new DemoTarget(DemoTarget.Options.builder().build())) {
            target.start();
            LoadTest test = LoadTest.builder("spool").target(target.baseUrl())
                    .scenario(Scenario.of("s", 1, Step.Request.of("GET", "/api/users"), Duration.ZERO))
                    .phase("p", Duration.ofSeconds(3), LoadShape.rate(50, 50)).criterion("error_rate < 1%").build();

            RunResult r = Onrush.builder().eventLoops(1).resultsRoot(results).warnings(warnings::add)
                    .sink(new DownSink()).build().run(test);

            assertThat(r.verdict()).isEqualTo(Verdict.PASSED);
            Path dir = results.resolve(r.testId());
            assertThat(dir.resolve("result.json")).isNotEmptyFile();
            Path spool;
            try (var found = Files.list(dir.resolve("undelivered"))) {
                spool = found.filter(p -> p.getFileName().toString().endsWith("-DownSink")).findFirst().orElseThrow();
            }
            assertThat(Files.readAllLines(spool.resolve("intervals.jsonl"))).hasSize(r.intervals().size());
            assertThat(Files.readString(spool.resolve("result.json"))).contains("\"test_id\" : \"" + r.testId());
            assertThat(warnings).anyMatch(w -> w.contains("DownSink") && w.contains(spool.toString()));
        }
    }
}
