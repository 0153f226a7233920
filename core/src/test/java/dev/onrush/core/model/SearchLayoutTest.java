package dev.onrush.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The slot arithmetic of a stress search agrees with the phases it lays out. */
class SearchLayoutTest {

    static Stream<StressSettings> searches() {
        return Stream.of(Duration.ZERO, Duration.ofSeconds(2)).flatMap(warmUp -> Stream.of(Duration.ZERO,
                Duration.ofSeconds(1)).map(cooldown -> new StressSettings(StressSettings.Mode.SEARCH, 50,
                Duration.ofSeconds(3), 2, 0.1, 800, 5, cooldown, 3, warmUp)));
    }

    @ParameterizedTest
    @MethodSource("searches")
    void everySlotsStepHoldAndSettleAreWhereTheLayoutSays(StressSettings stress) {
        SearchLayout layout = SearchLayout.of(stress);
        List<Phase> phases = Presets.stressSearch(stress);

        assertThat(phases).hasSize(layout.phaseCount());
        assertThat(layout.slots()).isEqualTo(stress.searchSlots());
        for (int slot = 0; slot < layout.slots(); slot++) {
            Phase step = phases.get(layout.stepPhase(slot));
            assertThat(step.name()).isEqualTo("step_" + (slot + 1));
            assertThat(step.role()).isEqualTo(PhaseRole.STEP);
            assertThat(step.duration()).isEqualTo(stress.stepDuration());
            assertThat(phases.get(layout.holdPhase(slot)).role()).isEqualTo(PhaseRole.HOLD);
            assertThat(layout.slotOf(layout.stepPhase(slot))).isEqualTo(slot);
            assertThat(layout.slotOf(layout.holdPhase(slot))).isEqualTo(slot);
            if (layout.hasSettle()) {
                assertThat(phases.get(layout.settlePhase(slot)).role()).isEqualTo(PhaseRole.SETTLE);
                assertThat(layout.slotOf(layout.settlePhase(slot))).isEqualTo(slot);
            }
        }
        assertThat(phases.get(0).role()).isEqualTo(stress.warmUp().isZero() ? PhaseRole.STEP : PhaseRole.WARMUP);
        assertThat(layout.firstSteeredPhase()).isEqualTo(layout.stepPhase(0) + 2);
        assertThat(layout.slotDuration()).isEqualTo(stress.stepDuration().plus(SearchLayout.HOLD)
                .plus(stress.cooldown()));
        assertThat(phases).extracting(p -> p.shape().describe()).containsOnly("rate 50/s");
    }
}
