package dev.onrush.app.serve;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LocalOnlyGuardTest {

    private static Optional<ApiException> check(String method, String host, String origin, String type) {
        return LocalOnlyGuard.refusal(method, host, origin, type, type != null, 8080);
    }

    @Test
    void loopbackHostsWithTheServicePortPass() {
        for (String host : new String[] {"localhost:8080", "LOCALHOST:8080", "127.0.0.1:8080", "127.1.2.3:8080",
            "[::1]:8080"}) {
            assertThat(check("GET", host, null, null)).as(host).isEmpty();
        }
        assertThat(LocalOnlyGuard.isLocal("localhost", 80)).isTrue();
    }

    @Test
    void otherHostsOrPortsAreRefused403() {
        for (String host : new String[] {"evil.example:8080", "localhost.evil.example:8080", "127.0.0.1:8081",
            "localhost", "127.0.0.1:", "127.0.0.1:08080x", "[::2]:8080", "0.0.0.0:8080", "127.0.0.256:8080",
            "10.0.0.1:8080", "[::1:8080", ""}) {
            assertThat(check("GET", host, null, null)).as(host).get()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(403))
                    .satisfies(e -> assertThat(e.error()).isEqualTo("host_not_local"));
        }
        assertThat(check("GET", null, null, null)).get().extracting(ApiException::error).isEqualTo("host_not_local");
    }

    @Test
    void anOriginMustBeTheServiceItself() {
        assertThat(check("POST", "localhost:8080", "http://localhost:8080", "application/yaml")).isEmpty();
        assertThat(check("POST", "localhost:8080", "http://127.0.0.1:8080", "application/json")).isEmpty();
        for (String origin : new String[] {"http://evil.example", "null", "http://localhost:8081",
            "https://localhost:8080", "http://localhost:8080/x", "http://u@localhost:8080", "file://",
            "http://localhost.evil.example:8080"}) {
            assertThat(check("POST", "localhost:8080", origin, "application/yaml")).as(origin).get()
                    .extracting(ApiException::error).isEqualTo("cross_site_refused");
        }
    }

    @Test
    void typesAPageMaySendWithoutPreflightAreRefused415OnStateChangingCalls() {
        for (String type : new String[] {"text/plain", "text/plain; charset=utf-8", "TEXT/PLAIN",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
                assertThat(check(method, "localhost:8080", null, type)).as(method + " " + type).get()
                        .satisfies(e -> assertThat(e.status()).isEqualTo(415));
            }
            assertThat(check("GET", "localhost:8080", null, type)).as("GET " + type).isEmpty();
        }
        assertThat(LocalOnlyGuard.refusal("POST", "localhost:8080", null, null, true, 8080)).get()
                .extracting(ApiException::status).isEqualTo(415);
        assertThat(LocalOnlyGuard.refusal("DELETE", "localhost:8080", null, null, false, 8080)).isEmpty();
    }
}
