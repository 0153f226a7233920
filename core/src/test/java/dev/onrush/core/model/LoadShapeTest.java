package dev.onrush.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadShapeTest {

    @ParameterizedTest(name = "users {0}→{1}")
    @CsvSource({"-1, 5", "5, -1", "0, 0"})
    void rejectsNegativeUsersAndZeroToZero(int from, int to) {
        assertThatThrownBy(() -> LoadShape.users(from, to))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("users");
    }

    @ParameterizedTest(name = "rate {0}→{1}")
    @CsvSource({"-1, 5", "5, -0.5", "0, 0", "NaN, 5", "5, NaN", "Infinity, 5", "5, Infinity"})
    void rejectsNegativeNonFiniteAndZeroToZeroRates(double from, double to) {
        assertThatThrownBy(() -> LoadShape.rate(from, to))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rate");
    }

    @Test
    void rampsFromOrToZeroAreAllowed() {
        assertThat(LoadShape.users(0, 1).to()).isEqualTo(1);
        assertThat(LoadShape.users(1, 0).from()).isEqualTo(1);
        assertThat(LoadShape.rate(0, 0.5).toPerSec()).isEqualTo(0.5);
        assertThat(LoadShape.rate(0.5, 0).fromPerSec()).isEqualTo(0.5);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource({
            "100, 100, users 100",
            "0, 100, users 0→100",
            "100, 0, users 100→0"
    })
    void usersDescribeAConstantOrARamp(int from, int to, String text) {
        assertThat(LoadShape.users(from, to).describe()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource({
            "500, 500, rate 500/s",
            "0, 100, rate 0→100/s",
            "2.5, 2.5, rate 2.5/s",
            "0.5, 12, rate 0.5→12/s"
    })
    void ratesDescribeAConstantOrARampPerSecond(double from, double to, String text) {
        assertThat(LoadShape.rate(from, to).describe()).isEqualTo(text);
    }
}
