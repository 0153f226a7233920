package dev.onrush.core.sink;

import dev.onrush.spi.GeneratorStats;
import dev.onrush.spi.IntervalSnapshot;
import dev.onrush.spi.LatencyStats;
import dev.onrush.spi.RequestStats;
import dev.onrush.spi.RunInfo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleSinkTest {

    private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

    private static IntervalSnapshot second(int index, double lagP99Ms, long dropped, Map<String, Long> errors) {
        LatencyStats l = new LatencyStats(100, 2, 2, 3, 4, 5, 6, 7);
        LatencyStats lag = new LatencyStats(100, 1, 1, 1, 1, lagP99Ms, lagP99Ms, lagP99Ms);
        RequestStats s = new RequestStats(100, 0, 0, 100, 0, 0, l, l, Map.of("200", 100L), errors);
        return new IntervalSnapshot("t", index, START.plusSeconds(index), 1.0, "steady", 0, 100, s, Map.of(),
                new GeneratorStats(lag, LatencyStats.EMPTY, dropped, 0), new byte[0]);
    }

    private static String print(boolean interactive, List<IntervalSnapshot> seconds) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleSink sink = new ConsoleSink(new PrintStream(bytes, true, StandardCharsets.UTF_8), interactive);
        sink.onStart(new RunInfo("t", "n", "custom", "http://127.0.0.1:1", START, Duration.ofSeconds(4),
                List.of(new RunInfo.PhaseInfo("steady", Duration.ZERO, Duration.ofSeconds(4), "rate 100/s")),
                List.of("GET /"), null, Map.of()));
        seconds.forEach(sink::onInterval);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainLinesInCiWithEachWarningOnce() {
        String out = print(false, List.of(second(0, 1, 0, Map.of()), second(1, 80, 3, Map.of("reset", 2L)),
                second(2, 90, 5, Map.of("reset", 1L)), second(3, 1, 0, Map.of())));
        assertThat(out.lines().filter(l -> l.startsWith("[")).count()).isEqualTo(4);
        assertThat(out).doesNotContain("\r", "\033");
        assertThat(out.split("generator itself was late", -1)).hasSize(2);
        assertThat(out.split("arrivals were dropped", -1)).hasSize(2);
        assertThat(out.split("the first errors", -1)).hasSize(2);
    }

    @Test
    void aTerminalGetsOneLineRewrittenWithAProgressBar() {
        String out = print(true, List.of(second(0, 1, 0, Map.of()), second(1, 1, 0, Map.of())));
        assertThat(out).contains("\r\033[K[#####---------------] ", "\r\033[K[##########----------] ");
    }
}
