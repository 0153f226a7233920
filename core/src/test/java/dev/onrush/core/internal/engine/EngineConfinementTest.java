package dev.onrush.core.internal.engine;

import dev.onrush.core.internal.metrics.RunAggregator;
import dev.onrush.core.internal.schedule.Timeline;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.core.model.Target;
import dev.onrush.demo.DemoTarget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shard's connections live on the shard's own event loop, even when they are opened from a timer (an
 * arrival, a think time) rather than from a Vert.x callback, and every shard has a loop of its own.
 */
class EngineConfinementTest {

    @Test
    void connectionsOpenedFromTimersStayOnTheShardsLoop() {
        try (DemoTarget target = new DemoTarget(DemoTarget.Options.builder().build())) {
            target.start();
            // think times and arrivals open connections from Netty-scheduled tasks; many connections, so many opens
            LoadTest test = LoadTest.builder("confined").target(Target.of(target.baseUrl()).withMaxConnections(64))
                    .scenario(Scenario.of("think", 1, Step.Request.of("GET", "/api/users"), Duration.ofMillis(20)))
                    .phase("open", Duration.ofSeconds(1), LoadShape.rate(300, 300))
                    .phase("closed", Duration.ofSeconds(1), LoadShape.users(0, 64)).build();
            Engine engine = new Engine(test, 2, 1);
            Engine.Outcome outcome = engine.run(start -> new RunAggregator("t", test.requestNames(),
                    new Timeline(test.phases()), Instant.now(), List.of()), s -> { });

            assertThat(outcome.confinementViolations()).isZero();
            assertThat(outcome.unfinishedRequests()).isZero();
            assertThat(outcome.aggregator().total().requests()).isEqualTo(target.requestsReceived());
        }
    }
}
