package dev.onrush.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scaling decisions at chosen clock values, without a server: the jobs are hour-long ones on a bare Vert.x
 * context, so admitted jobs start but never finish, and the test releases slots itself.
 */
class CapacityScalerTest {

    private static final long MS = 1_000_000;

    private final TargetState state = new TargetState(DemoTarget.Options.builder().capacity(2)
            .scaleOut(3, Duration.ofMillis(100), 8).scaleIn(Duration.ofMillis(50)).build());
    private final CapacityScaler scaler = new CapacityScaler(state);
    private final Vertx vertx = Vertx.vertx();
    private final Context context = vertx.getOrCreateContext();

    @AfterEach
    void closeVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void scalesOutOnlyAfterTheDelayOfUnbrokenWaiting() {
        fill(3); // 2 in service, 1 waiting
        long busy = state.queue().busySinceNs();

        scaler.tick(busy + 99 * MS);
        assertThat(state.queue().capacity()).isEqualTo(2);
        scaler.tick(busy + 100 * MS);

        assertThat(state.queue().capacity()).isEqualTo(5);
        assertThat(state.scaleEvents()).singleElement()
                .satisfies(e -> assertThat(e.from()).isEqualTo(2))
                .satisfies(e -> assertThat(e.to()).isEqualTo(5));
    }

    @Test
    void eachStepNeedsItsOwnDelayAndTheMaxIsNeverPassed() {
        fill(20);
        scaler.tick(state.queue().busySinceNs() + 100 * MS);
        long restarted = state.queue().busySinceNs(); // the resize restarted the busy clock
        scaler.tick(restarted + 50 * MS);
        assertThat(state.queue().capacity()).isEqualTo(5);

        scaler.tick(restarted + 100 * MS);
        assertThat(state.queue().capacity()).isEqualTo(8); // 5 + 3 = 8, the max
        scaler.tick(state.queue().busySinceNs() + 1_000 * MS);

        assertThat(state.queue().capacity()).isEqualTo(8);
        assertThat(state.scaleEvents()).hasSize(2);
    }

    @Test
    void scalesInAStepAfterIdleButNotBelowTheInitialCapacity() {
        fill(20);
        scaler.tick(state.queue().busySinceNs() + 100 * MS); // 5
        drain();
        long t = System.nanoTime();

        scaler.tick(t);
        scaler.tick(t + 49 * MS);
        assertThat(state.queue().capacity()).isEqualTo(5);
        scaler.tick(t + 50 * MS);
        assertThat(state.queue().capacity()).isEqualTo(2);
        scaler.tick(t + 500 * MS);

        assertThat(state.queue().capacity()).isEqualTo(2);
    }

    @Test
    void doesNotScaleInWhileTheLoadWouldNotFitOneStepLess() {
        fill(20);
        scaler.tick(state.queue().busySinceNs() + 100 * MS); // capacity 5, all 5 in service, 15 waiting
        while (state.queue().queued() > 0) {
            state.queue().release();
        }
        long t = System.nanoTime();
        scaler.tick(t);
        scaler.tick(t + 500 * MS); // 5 in service > 5 - 3

        assertThat(state.queue().capacity()).isEqualTo(5);
    }

    private void fill(int jobs) {
        for (int i = 0; i < jobs; i++) {
            state.queue().admit(new ServiceJob(context, state, Duration.ofHours(1).toNanos(), () -> { }));
        }
    }

    private void drain() {
        while (state.queue().inService() > 0) {
            state.queue().release();
        }
    }
}
