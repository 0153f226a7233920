package dev.onrush.testkit;

import dev.onrush.spi.ConfigKey;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.PluginConfig;
import dev.onrush.spi.ProbeSample;
import dev.onrush.spi.RunInfo;
import dev.onrush.spi.RunResult;
import dev.onrush.spi.probe.Probe;
import dev.onrush.spi.probe.ProbeContext;
import dev.onrush.spi.probe.ProbeProvider;
import dev.onrush.spi.sink.ResultSink;
import dev.onrush.spi.sink.ResultSinkProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kits themselves: each unreachable-service check passes a plugin that keeps the SPI and fails, in bounded
 * time, one that does not (silent success, an undocumented failure, a hang), and the probe kit keeps the run's
 * call order. Without these a kit check could pass anything.
 */
class ContractKitsTest {

    @TempDir
    Path runDir;

    @Test
    void theSinkKitAcceptsASinkThatSaysItCouldNotDeliver() {
        assertThatCode(() -> sinkKit("fails-interval").anUnreachableServiceFailsRatherThanHangsOrSucceeds())
                .doesNotThrowAnyException();
        assertThatCode(() -> sinkKit("throws-complete").anUnreachableServiceFailsRatherThanHangsOrSucceeds())
                .doesNotThrowAnyException();
    }

    @Test
    void theSinkKitFailsASinkThatSilentlySucceeds() {
        assertThatThrownBy(() -> sinkKit("silent").anUnreachableServiceFailsRatherThanHangsOrSucceeds())
                .isInstanceOf(AssertionError.class).hasMessageContaining("never only successes");
    }

    @Test
    void theSinkKitFailsAnUndocumentedFailure() {
        assertThatThrownBy(() -> sinkKit("error-complete").anUnreachableServiceFailsRatherThanHangsOrSucceeds())
                .isInstanceOf(AssertionError.class).hasMessageContaining("onComplete failed with an Error");
    }

    @Test
    void theSinkKitFailsAHangWithinItsTimeout() {
        long startNs = System.nanoTime();
        assertThatThrownBy(() -> sinkKit("hangs-start").anUnreachableServiceFailsRatherThanHangsOrSucceeds())
                .isInstanceOf(AssertionError.class).hasMessageContaining("onStart against an unreachable service");
        assertThat(Duration.ofNanos(System.nanoTime() - startNs)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void theProbeKitFailsAProbeThatAnswersAnEmptyListAndAcceptsOneThatFails() {
        assertThatThrownBy(() -> probeKit("silent").anUnreachableServiceFailsRatherThanHangsOrSucceeds())
                .isInstanceOf(AssertionError.class).hasMessageContaining("never complete with a list");
        assertThatCode(() -> probeKit("fails").anUnreachableServiceFailsRatherThanHangsOrSucceeds())
                .doesNotThrowAnyException();
    }

    @Test
    void theProbeKitStartsTheProbeBeforeItAsksForThePeriodAndSamples() {
        FakeProbe.calls.clear();
        probeKit("ordered").samplesAWindowWithinTheTimeoutAndCloses();
        assertThat(FakeProbe.calls).containsExactly("start http://127.0.0.1:9", "period", "sample", "close");
    }

    private ResultSinkContract sinkKit(String mode) {
        ResultSinkContract kit = new ResultSinkContract() {
            @Override
            protected ResultSinkProvider provider() {
                return new FakeSinkProvider();
            }

            @Override
            protected Map<String, Object> config() {
                return Map.of("mode", "silent");
            }

            @Override
            protected Optional<Map<String, Object>> unreachableConfig() {
                return Optional.of(Map.of("mode", mode));
            }

            @Override
            protected Duration timeout() {
                return Duration.ofSeconds(2);
            }
        };
        kit.runDir = runDir;
        return kit;
    }

    private static ProbeContract probeKit(String mode) {
        return new ProbeContract() {
            @Override
            protected ProbeProvider provider() {
                return new FakeProbeProvider();
            }

            @Override
            protected Map<String, Object> config() {
                return Map.of("mode", mode);
            }

            @Override
            protected Optional<Map<String, Object>> unreachableConfig() {
                return Optional.of(Map.of("mode", mode));
            }

            @Override
            protected Duration timeout() {
                return Duration.ofSeconds(2);
            }
        };
    }

    private static final List<ConfigKey> KEYS = List.of(ConfigKey.required("mode", ConfigKey.Type.STRING,
            "how the fake behaves against its service"));

    /** Makes sinks that behave as {@code mode} says. */
    public static final class FakeSinkProvider implements ResultSinkProvider {
        @Override
        public String id() {
            return "fake";
        }

        @Override
        public List<ConfigKey> configKeys() {
            return KEYS;
        }

        @Override
        public ResultSink create(PluginConfig config) {
            return new FakeSink(config.string("mode"));
        }
    }

    private record FakeSink(String mode) implements ResultSink {
        @Override
        public CompletionStage<Void> onStart(RunInfo run) {
            return mode.equals("hangs-start") ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> onInterval(IntervalSnapshot interval) {
            return mode.equals("fails-interval")
                    ? CompletableFuture.failedFuture(new java.net.ConnectException("Connection refused"))
                    : CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> onComplete(RunResult result) {
            return switch (mode) {
                case "throws-complete" -> throw new IllegalStateException("cannot reach the service");
                case "error-complete" -> CompletableFuture.failedFuture(new NoClassDefFoundError("shaded/Client"));
                default -> CompletableFuture.completedFuture(null);
            };
        }
    }

    /** Makes probes that behave as {@code mode} says. */
    public static final class FakeProbeProvider implements ProbeProvider {
        @Override
        public String id() {
            return "fake";
        }

        @Override
        public List<ConfigKey> configKeys() {
            return KEYS;
        }

        @Override
        public Probe create(PluginConfig config) {
            return new FakeProbe(config.string("mode"));
        }
    }

    private static final class FakeProbe implements Probe {
        static final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        private final String mode;
        private boolean started;

        FakeProbe(String mode) {
            this.mode = mode;
        }

        @Override
        public void start(RunInfo run, ProbeContext context) {
            started = true;
            calls.add("start " + context.targetUrl());
        }

        @Override
        public Duration period() {
            calls.add("period");
            return started ? Duration.ofSeconds(1) : Duration.ZERO;
        }

        @Override
        public CompletionStage<List<ProbeSample>> sample(Instant from, Instant to) {
            calls.add("sample");
            return mode.equals("fails")
                    ? CompletableFuture.failedFuture(new java.net.ConnectException("Connection refused"))
                    : CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletionStage<Void> close() {
            calls.add("close");
            return CompletableFuture.completedFuture(null);
        }
    }
}
