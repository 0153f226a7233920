package dev.onrush.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTemplateTest {

    @Test
    void splitsLiteralsAndVariables() {
        TextTemplate t = TextTemplate.parse("/items/${counter}?k=${random:1:1000}&id=${uuid}");

        assertThat(t.parts()).containsExactly(new TextTemplate.Literal("/items/"),
                new TextTemplate.Variable("counter", TextTemplate.Kind.COUNTER, 0, 0),
                new TextTemplate.Literal("?k="),
                new TextTemplate.Variable("random:1:1000", TextTemplate.Kind.RANDOM, 1, 1000),
                new TextTemplate.Literal("&id="),
                new TextTemplate.Variable("uuid", TextTemplate.Kind.UUID, 0, 0));
        assertThat(t.isStatic()).isFalse();
    }

    @Test
    void theSameSpellingTwiceIsOneVariable() {
        TextTemplate t = TextTemplate.parse("${uuid}/${uuid}/${random:1:2}/${random:1:3}");

        assertThat(t.variables()).extracting(TextTemplate.Variable::spelling)
                .containsExactly("uuid", "random:1:2", "random:1:3");
    }

    @Test
    void doubleDollarIsALiteral() {
        TextTemplate t = TextTemplate.parse("a$${counter}b");

        assertThat(t.isStatic()).isTrue();
        assertThat(t.literalText()).isEqualTo("a${counter}b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"${count}", "${random:1}", "${random:5:1}", "${random:a:9}", "${random:-1:9}", "x${uuid",
            "${}", "${ counter}"})
    void rejectsBadVariablesNamingThem(String text) {
        assertThatThrownBy(() -> TextTemplate.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("${");
    }

    @Test
    void requestRejectsSizeVariablesWithoutTheirDistribution() {
        assertThatThrownBy(() -> Scenario.of("s", 1, Step.Request.of("GET", "/bytes?size=${response_size}"), null))
                .hasMessageContaining("scenario 's': path: ${response_size} needs response_size");
        assertThatThrownBy(() -> Scenario.of("s", 1, Step.Request.of("GET", "/x").withHeader("X-Size", "${size}"),
                null)).hasMessageContaining("headers.X-Size: ${size}");
        assertThat(Scenario.of("s", 1, Step.Request.of("GET", "/b?s=${response_size}")
                .withResponseSize(PayloadSize.fixed(1)), null).requests()).hasSize(1);
        assertThatThrownBy(() -> Step.Request.of("GET", "/x/${nope}")).hasMessageContaining("path: \"${nope}\"");
        assertThatThrownBy(() -> new Step.Request("r", "POST", "/x", Map.of(), "b", null, PayloadSize.fixed(1), null))
                .hasMessageContaining("either a body or a body size");
    }

    @Test
    void requestIsTemplatedOnlyWhenSomethingChanges() {
        assertThat(Step.Request.of("GET", "/x").isTemplated()).isFalse();
        assertThat(Step.Request.of("GET", "/x/${counter}").isTemplated()).isTrue();
        assertThat(Step.Request.of("PUT", "/x").withBodySize(PayloadSize.fixed(10)).isTemplated()).isTrue();
        assertThat(Step.Request.of("GET", "/x").withHeader("K", "${uuid}").isTemplated()).isTrue();
        assertThat(Step.Request.of("GET", "/x").withResponseSize(PayloadSize.fixed(1)).isTemplated()).isFalse();
        assertThat(List.of(Step.Request.of("GET", "/y").withJsonBody("{\"k\":\"${random:1:9}\"}").isTemplated()))
                .containsExactly(true);
    }
}
