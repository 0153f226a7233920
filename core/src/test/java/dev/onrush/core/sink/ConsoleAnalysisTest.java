package dev.onrush.core.sink;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleAnalysisTest {

    @Test
    void aStressSearchPrintsItsAnswerAndEveryStep() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("mode", "search");
        a.put("max_sustainable_rps", 500.0);
        a.put("breaking_rps", 525.0);
        a.put("reason", "breaks between 500 and 525 rps");
        a.put("steps", List.of(
                Map.of("step", 1, "phase", "step_1", "rate", 200.0, "requests", 1000L, "throughput_rps", 200.0,
                        "error_rate_percent", 0.0, "p95_ms", 44.0, "passed", true),
                Map.of("step", 2, "phase", "step_5", "rate", 525.0, "requests", 2427L, "throughput_rps", 485.4,
                        "error_rate_percent", 0.0, "passed", false, "reason", "criterion broke")));

        List<String> lines = ConsoleAnalysis.lines(a);

        assertThat(lines.get(0)).isEqualTo("stress search: max sustainable 500 rps, breaking at 525 rps");
        assertThat(lines.get(1)).contains("breaks between 500 and 525 rps");
        assertThat(lines.get(3)).contains("step_1", "200/s", "1000", "44.0ms", "pass");
        assertThat(lines.get(4)).contains("step_5", "525/s", "485.40", "FAIL: criterion broke").contains(" - ");
    }

    @Test
    void aSpikeAndAnEnduranceRunPrintTheirConclusions() {
        Map<String, Object> spike = Map.of("before", Map.of("p95_ms", 21.0, "error_rate_percent", 0.0),
                "during", Map.of("p95_ms", 840.5, "error_rate_percent", 1.5), "p95_increase_percent", 3902.4,
                "recovery_time_s", 4.0);
        Map<String, Object> endurance = Map.of("drift", List.of("p95_ms"), "windows_fitted", 10, "window_s", 6);

        List<String> lines = ConsoleAnalysis.lines(Map.of("spike", spike, "endurance", endurance));

        assertThat(lines).anySatisfy(l -> assertThat(l).contains("spike: p95 21.0ms before, 840.5ms during",
                "recovered 4 s after the spike"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("endurance: DRIFT in [p95_ms]", "10 windows of 6 s"));
        assertThat(ConsoleAnalysis.lines(Map.of())).isEmpty();
    }
}
