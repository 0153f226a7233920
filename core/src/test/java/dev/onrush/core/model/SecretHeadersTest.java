package dev.onrush.core.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretHeadersTest {

    private static LoadTest withHeaders(Map<String, String> headers) {
        Step.Request r = new Step.Request("login", "POST", "/login", headers, "{}", "application/json");
        return LoadTest.builder("secrets").target("http://127.0.0.1:1")
                .scenario(new Scenario("s", 1, List.of(r, new Step.Think(Duration.ofMillis(5)))))
                .phase("p", Duration.ofSeconds(1), LoadShape.rate(1, 1)).build();
    }

    @Test
    void defaultsNameTheUsualCredentialHeadersInAnyCase() {
        SecretHeaders s = SecretHeaders.defaults();
        assertThat(s.isSecret("Authorization")).isTrue();
        assertThat(s.isSecret("COOKIE")).isTrue();
        assertThat(s.isSecret("x-api-key")).isTrue();
        assertThat(s.isSecret("X-Tenant")).isFalse();
    }

    @Test
    void extraNamesAddToTheDefaults() {
        SecretHeaders s = SecretHeaders.withExtra(List.of(" X-Session ", ""));
        assertThat(s.isSecret("x-session")).isTrue();
        assertThat(s.isSecret("Authorization")).isTrue();
        assertThat(s.names()).contains("x-session", "cookie").doesNotContain("");
    }

    @Test
    void redactReplacesOnlySecretValuesAndKeepsOrderAndEverythingElse() {
        LoadTest test = withHeaders(Map.of("Authorization", "Bearer s3cr3t"));
        LoadTest redacted = SecretHeaders.defaults().redact(
                withHeaders(new java.util.LinkedHashMap<>(Map.of("X-Tenant", "a"))).toBuilder().build());
        assertThat(redacted.scenarios().get(0).requests().get(0).headers()).containsEntry("X-Tenant", "a");

        LoadTest r = SecretHeaders.defaults().redact(test);
        Step.Request req = r.scenarios().get(0).requests().get(0);
        assertThat(req.headers()).containsExactly(Map.entry("Authorization", SecretHeaders.REDACTED));
        assertThat(req.body()).isEqualTo("{}");
        assertThat(r.scenarios().get(0).steps()).hasSize(2);
        assertThat(r.phases()).isEqualTo(test.phases());
        assertThat(test.scenarios().get(0).requests().get(0).headers()).containsEntry("Authorization", "Bearer s3cr3t");
    }

    @Test
    void aTestWithoutSecretsIsReturnedAsIs() {
        LoadTest test = withHeaders(Map.of("X-Tenant", "a"));
        assertThat(SecretHeaders.defaults().redact(test)).isSameAs(test);
    }
}
