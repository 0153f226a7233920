package dev.onrush.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PresetsTest {

    private static final Duration HOLD = Duration.ofMinutes(5);
    private static final Duration UP = Duration.ofMinutes(1);
    private static final Duration DOWN = Duration.ofSeconds(30);
    private static final LoadSettings USERS = LoadSettings.users(100, HOLD, UP, DOWN);
    private static final LoadSettings RATE = LoadSettings.rate(200, HOLD, UP, DOWN);

    @ParameterizedTest
    @EnumSource(value = TestType.class, names = {"BASELINE", "VOLUME", "ENDURANCE", "CUSTOM"})
    void steadyTypesRampUpHoldThePeakAndRampDown(TestType type) {
        assertThat(Presets.expand(type, USERS))
                .extracting(Phase::name, Phase::duration, Phase::shape)
                .containsExactly(
                        tuple("ramp_up", UP, LoadShape.users(0, 100)),
                        tuple("steady", HOLD, LoadShape.users(100, 100)),
                        tuple("ramp_down", DOWN, LoadShape.users(100, 0)));
        assertThat(Presets.expand(type, RATE))
                .extracting(Phase::name, Phase::duration, Phase::shape)
                .containsExactly(
                        tuple("ramp_up", UP, LoadShape.rate(0, 200)),
                        tuple("steady", HOLD, LoadShape.rate(200, 200)),
                        tuple("ramp_down", DOWN, LoadShape.rate(200, 0)));
    }

    @ParameterizedTest
    @EnumSource(TestType.class)
    void rampsOfZeroLengthAreLeftOut(TestType type) {
        List<Phase> withRamps = Presets.expand(type, USERS);
        List<Phase> without = Presets.expand(type, LoadSettings.users(100, HOLD, Duration.ZERO, Duration.ZERO));

        assertThat(without).extracting(Phase::name).doesNotContain("ramp_up", "ramp_down");
        assertThat(withRamps).extracting(Phase::name).startsWith("ramp_up").endsWith("ramp_down");
        assertThat(without).containsExactlyElementsOf(withRamps.subList(1, withRamps.size() - 1));
    }

    @Test
    void onlyTheZeroRampIsLeftOut() {
        assertThat(Presets.expand(TestType.BASELINE, LoadSettings.users(10, HOLD, Duration.ZERO, DOWN)))
                .extracting(Phase::name).containsExactly("steady", "ramp_down");
        assertThat(Presets.expand(TestType.BASELINE, LoadSettings.users(10, HOLD, UP, Duration.ZERO)))
                .extracting(Phase::name).containsExactly("ramp_up", "steady");
    }

    @Test
    void spikeGoesFromAQuarterToThePeakAndBackForTwoFifthsOfTheHoldEachSide() {
        Duration side = Duration.ofMinutes(2);

        assertThat(Presets.expand(TestType.SPIKE, USERS))
                .extracting(Phase::name, Phase::duration, Phase::shape)
                .containsExactly(
                        tuple("ramp_up", UP, LoadShape.users(0, 25)),
                        tuple("before_spike", side, LoadShape.users(25, 25)),
                        tuple("spike", HOLD, LoadShape.users(100, 100)),
                        tuple("after_spike", side, LoadShape.users(25, 25)),
                        tuple("ramp_down", DOWN, LoadShape.users(25, 0)));
        assertThat(Presets.expand(TestType.SPIKE, RATE))
                .extracting(Phase::name, Phase::duration, Phase::shape)
                .containsExactly(
                        tuple("ramp_up", UP, LoadShape.rate(0, 50)),
                        tuple("before_spike", side, LoadShape.rate(50, 50)),
                        tuple("spike", HOLD, LoadShape.rate(200, 200)),
                        tuple("after_spike", side, LoadShape.rate(50, 50)),
                        tuple("ramp_down", DOWN, LoadShape.rate(50, 0)));
    }

    @Test
    void spikeSidesAreTwoFifthsEvenWhenTheHoldDoesNotDivideEvenly() {
        List<Phase> phases = Presets.expand(TestType.SPIKE,
                LoadSettings.rate(10, Duration.ofMillis(7), Duration.ZERO, Duration.ZERO));

        assertThat(phases).extracting(Phase::duration)
                .containsExactly(Duration.ofNanos(2_800_000), Duration.ofMillis(7), Duration.ofNanos(2_800_000));
    }

    @Test
    void stressStepsUpByAQuarterUntilThreeTimesThePeakAndRampsDownFromTheLastStep() {
        assertThat(Presets.expand(TestType.STRESS, USERS))
                .extracting(Phase::name, Phase::duration, Phase::shape)
                .containsExactly(
                        tuple("ramp_up", UP, LoadShape.users(0, 100)),
                        tuple("step_1", HOLD, LoadShape.users(100, 100)),
                        tuple("step_2", HOLD, LoadShape.users(125, 125)),
                        tuple("step_3", HOLD, LoadShape.users(156, 156)),
                        tuple("step_4", HOLD, LoadShape.users(195, 195)),
                        tuple("step_5", HOLD, LoadShape.users(244, 244)),
                        tuple("ramp_down", DOWN, LoadShape.users(244, 0)));
    }

    @Test
    void stressRateStepsAreExactPowersOfOneAndAQuarterNeverAboveThreeTimesThePeak() {
        List<Phase> phases = Presets.expand(TestType.STRESS, RATE);
        List<Phase> steps = phases.stream().filter(p -> p.name().startsWith("step_")).toList();

        assertThat(steps).hasSize(5);
        for (int k = 0; k < steps.size(); k++) {
            double expected = 200 * Math.pow(1.25, k);
            assertThat(steps.get(k).shape()).as("step_%d", k + 1).isEqualTo(LoadShape.rate(expected, expected));
            assertThat(expected).isLessThanOrEqualTo(600);
        }
        assertThat(200 * Math.pow(1.25, steps.size())).as("the next step would pass 3×").isGreaterThan(600);
        assertThat(phases.get(phases.size() - 1).shape())
                .isEqualTo(LoadShape.rate(200 * Math.pow(1.25, 4), 0));
    }

    @Test
    void scalabilityHoldsAQuarterHalfThreeQuartersAndAllOfThePeak() {
        assertThat(Presets.expand(TestType.SCALABILITY, USERS))
                .extracting(Phase::name, Phase::duration, Phase::shape)
                .containsExactly(
                        tuple("ramp_up", UP, LoadShape.users(0, 25)),
                        tuple("level_25", HOLD, LoadShape.users(25, 25)),
                        tuple("level_50", HOLD, LoadShape.users(50, 50)),
                        tuple("level_75", HOLD, LoadShape.users(75, 75)),
                        tuple("level_100", HOLD, LoadShape.users(100, 100)),
                        tuple("ramp_down", DOWN, LoadShape.users(100, 0)));
        assertThat(Presets.expand(TestType.SCALABILITY, RATE))
                .extracting(Phase::shape)
                .containsExactly(LoadShape.rate(0, 50), LoadShape.rate(50, 50), LoadShape.rate(100, 100),
                        LoadShape.rate(150, 150), LoadShape.rate(200, 200), LoadShape.rate(200, 0));
    }

    @ParameterizedTest
    @EnumSource(TestType.class)
    void presetsKeepTheModelOfTheirLoadSettings(TestType type) {
        assertThat(Presets.expand(type, USERS)).extracting(Phase::shape).allMatch(LoadShape.Users.class::isInstance);
        assertThat(Presets.expand(type, RATE)).extracting(Phase::shape).allMatch(LoadShape.Rate.class::isInstance);
    }

    /** A quarter of 1, 2 or 3 users must not round to a held level of 0 users (an invalid shape). */
    @ParameterizedTest
    @EnumSource(TestType.class)
    void aFewUsersNeverRoundDownToAHeldLevelWithoutUsers(TestType type) {
        for (int users = 1; users <= 4; users++) {
            List<Phase> phases = Presets.expand(type, LoadSettings.users(users, HOLD, UP, DOWN));

            assertThat(phases).as("%s with %d users", type, users)
                    .filteredOn(p -> !p.name().startsWith("ramp_"))
                    .extracting(p -> ((LoadShape.Users) p.shape()).from())
                    .allMatch(n -> n >= 1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestType.class, names = {"BASELINE", "VOLUME", "ENDURANCE", "CUSTOM"})
    void steadyPresetsRampUpHoldTheSteadyRoleAndRampDown(TestType type) {
        assertThat(Presets.expand(type, RATE)).extracting(Phase::name, Phase::role).containsExactly(
                tuple("ramp_up", PhaseRole.RAMP_UP), tuple("steady", PhaseRole.STEADY),
                tuple("ramp_down", PhaseRole.RAMP_DOWN));
    }

    @Test
    void theSpikePresetMarksItsSpikeAndHoldsTheQuarterLoadAroundIt() {
        assertThat(Presets.expand(TestType.SPIKE, USERS)).extracting(Phase::name, Phase::role).containsExactly(
                tuple("ramp_up", PhaseRole.RAMP_UP), tuple("before_spike", PhaseRole.HOLD),
                tuple("spike", PhaseRole.SPIKE), tuple("after_spike", PhaseRole.HOLD),
                tuple("ramp_down", PhaseRole.RAMP_DOWN));
    }

    @Test
    void theStressStaircaseMarksEveryStepAndTheScalabilityPresetEveryLevel() {
        assertThat(Presets.expand(TestType.STRESS, RATE)).extracting(Phase::role).containsExactly(
                PhaseRole.RAMP_UP, PhaseRole.STEP, PhaseRole.STEP, PhaseRole.STEP, PhaseRole.STEP, PhaseRole.STEP,
                PhaseRole.RAMP_DOWN);
        assertThat(Presets.expand(TestType.SCALABILITY, RATE)).extracting(Phase::role).containsExactly(
                PhaseRole.RAMP_UP, PhaseRole.LEVEL, PhaseRole.LEVEL, PhaseRole.LEVEL, PhaseRole.LEVEL,
                PhaseRole.RAMP_DOWN);
    }

    @Test
    void aStressSearchMarksItsWarmUpStepsHoldsAndSettles() {
        StressSettings withAll = StressSettings.search(100, 1000);
        List<Phase> phases = Presets.stressSearch(withAll);

        assertThat(phases.subList(0, 7)).extracting(Phase::name, Phase::role).containsExactly(
                tuple("warm_up", PhaseRole.WARMUP), tuple("step_1", PhaseRole.STEP), tuple("hold_1", PhaseRole.HOLD),
                tuple("settle_1", PhaseRole.SETTLE), tuple("step_2", PhaseRole.STEP), tuple("hold_2", PhaseRole.HOLD),
                tuple("settle_2", PhaseRole.SETTLE));
        assertThat(phases).filteredOn(p -> p.role() == PhaseRole.STEP).hasSize(withAll.searchSlots());

        StressSettings bare = new StressSettings(StressSettings.Mode.SEARCH, 100, Duration.ofSeconds(2), 2, 0.1,
                1000, 5, Duration.ZERO, 3, Duration.ZERO);
        assertThat(Presets.stressSearch(bare).subList(0, 4)).extracting(Phase::role).containsExactly(
                PhaseRole.STEP, PhaseRole.HOLD, PhaseRole.STEP, PhaseRole.HOLD);
    }

    @ParameterizedTest
    @EnumSource(TestType.class)
    void everyPresetPhaseHasARoleOtherThanCustomAndNoRoleComesFromAName(TestType type) {
        assertThat(Presets.expand(type, USERS)).extracting(Phase::role).doesNotContain(PhaseRole.CUSTOM);
        // the same names written by a user are custom phases
        for (Phase p : Presets.expand(type, USERS)) {
            assertThat(Phase.of(p.name(), p.duration(), p.shape()).role()).isEqualTo(PhaseRole.CUSTOM);
        }
    }

    @Test
    void aTestScaledToATotalDurationKeepsItsPresetsRoles() {
        LoadTest spike = LoadTest.builder("t").type(TestType.SPIKE).target("http://h")
                .scenario(Scenario.of("s", 1, Step.Request.of("GET", "/"), Duration.ZERO)).load(RATE).build();

        Map<String, PhaseRole> roles = new LinkedHashMap<>();
        spike.withTotalDuration(Duration.ofSeconds(30)).phases().forEach(p -> roles.put(p.name(), p.role()));

        assertThat(roles).containsEntry("spike", PhaseRole.SPIKE).containsEntry("before_spike", PhaseRole.HOLD)
                .containsEntry("ramp_up", PhaseRole.RAMP_UP);
    }
}
