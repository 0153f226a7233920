package dev.onrush.core.internal.plugin;

import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.probe.Probe;
import dev.onrush.spi.probe.ProbeProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A test probe ({@code window}): each sample's value is the length of its window in milliseconds, its timestamp
 * the window's end, and its dimensions say the window's start and the sampling thread.
 */
public final class WindowProbeProvider implements ProbeProvider {

    @Override
    public String id() {
        return "window";
    }

    @Override
    public List<ConfigKey> configKeys() {
        return List.of(ConfigKey.required("metric", ConfigKey.Type.STRING, "the metric's alias"),
                ConfigKey.optional("period", ConfigKey.Type.DURATION, "500ms", "how often to sample"),
                ConfigKey.optional("fail", ConfigKey.Type.BOOLEAN, false, "fail every sample"));
    }

    @Override
    public Probe create(PluginConfig config) {
        String metric = config.string("metric");
        Duration period = config.duration("period");
        boolean fail = config.bool("fail");
        return new Probe() {
            @Override
            public Duration period() {
                return period;
            }

            @Override
            public CompletionStage<List<ProbeSample>> sample(Instant from, Instant to) {
                if (fail) {
                    return CompletableFuture.failedFuture(new IllegalStateException("monitoring is down"));
                }
                return CompletableFuture.completedFuture(List.of(new ProbeSample("window", metric, to,
                        Duration.between(from, to).toNanos() / 1e6, "ms",
                        Map.of("from", from.toString(), "thread", Thread.currentThread().getName()))));
            }
        };
    }
}
