package dev.onrush.core.internal.sink;

import dev.onrush.spi.sink.ResultSink;
import dev.onrush.testkit.ContractRecords;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class SinkDispatcherTest {

    @Test
    void pluginSinksCompleteOnlyAfterTheRunFolderSinksFinished() {
        List<String> order = new CopyOnWriteArrayList<>();
        ResultSink slowLocal = result -> {
            sleep(300);
            order.add("local written");
            return CompletableFuture.completedFuture(null);
        };
        ResultSink plugin = result -> {
            order.add("plugin completes");
            return CompletableFuture.completedFuture(null);
        };
        SinkDispatcher dispatcher = new SinkDispatcher(List.of(slowLocal, plugin), 1, order::add);

        long failures = dispatcher.complete(new ContractRecords().result(1), Duration.ofSeconds(10));

        assertThat(failures).isZero();
        assertThat(order).containsExactly("local written", "plugin completes");
    }

    @Test
    void withoutLocalSinksEverySinkCompletes() {
        List<String> order = new CopyOnWriteArrayList<>();
        ResultSink a = result -> record(order, "a");
        ResultSink b = result -> record(order, "b");

        new SinkDispatcher(List.of(a, b), 0, order::add).complete(new ContractRecords().result(1),
                Duration.ofSeconds(10));

        assertThat(order).containsExactlyInAnyOrder("a", "b");
    }

    private static CompletionStage<Void> record(List<String> order, String what) {
        order.add(what);
        return CompletableFuture.completedFuture(null);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
