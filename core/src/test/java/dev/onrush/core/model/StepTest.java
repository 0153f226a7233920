package dev.onrush.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET", "head", "Post", "PUT", "patch", "DELETE", "OPTIONS", "trace"})
    void acceptsEveryHttpMethodInAnyCaseAndStoresItUpperCase(String method) {
        Step.Request r = new Step.Request("r", method, "/x", Map.of(), null, null);

        assertThat(r.method()).isEqualTo(method.toUpperCase(java.util.Locale.ROOT)).isIn(Step.METHODS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"FETCH", "", "GET ", "CONNECT"})
    void rejectsWhatIsNotAnHttpMethod(String method) {
        assertThatThrownBy(() -> Step.Request.of(method, "/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("method:")
                .hasMessageContaining("is not an HTTP method");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "x", "users/1", "http://h/x", "/a b", "/a\tb", "/a\nb", "/a\u007f", "/a\u0000"})
    void rejectsPathsNotStartingWithSlashOrHoldingSpacesOrControls(String path) {
        assertThatThrownBy(() -> Step.Request.of("GET", path))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path:")
                .hasMessageContaining("must start with /");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"/", "/users/1?q=a%20b&x=1", "/a/b#frag", "/~x"})
    void acceptsPathsWithQueries(String path) {
        assertThat(Step.Request.of("get", path).path()).isEqualTo(path);
    }

    @Test
    void ofNamesTheRequestByMethodAndPath() {
        Step.Request r = Step.Request.of("post", "/orders");

        assertThat(r.name()).isEqualTo("POST /orders");
        assertThat(r.headers()).isEmpty();
        assertThat(r.body()).isNull();
        assertThat(r.contentType()).isNull();
    }

    @Test
    void headersKeepTheirOrderAndCannotBeChanged() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("b", "1");
        headers.put("a", "2");
        Step.Request r = new Step.Request("r", "GET", "/x", headers, null, null).withHeader("c", "3");
        headers.put("z", "late");

        assertThat(r.headers()).containsExactly(Map.entry("b", "1"), Map.entry("a", "2"), Map.entry("c", "3"));
        assertThatThrownBy(() -> r.headers().put("d", "4")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withJsonBodyAndNamedKeepTheRest() {
        Step.Request r = Step.Request.of("POST", "/o").withHeader("k", "v").withJsonBody("{}").named("create");

        assertThat(r).isEqualTo(new Step.Request("create", "POST", "/o", Map.of("k", "v"), "{}",
                "application/json"));
    }

    @Test
    void thinkTimeMayBeZeroButNotNegative() {
        assertThat(new Step.Think(Duration.ZERO).duration()).isZero();
        assertThatThrownBy(() -> new Step.Think(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("think time must be >= 0");
    }
}
