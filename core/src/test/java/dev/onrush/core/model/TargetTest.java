package dev.onrush.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetTest {

    @Test
    void ofUsesTheDocumentedDefaults() {
        Target t = Target.of("http://localhost:8080");

        assertThat(t.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(t.maxConnections()).isEqualTo(100);
        assertThat(t.maxQueue()).isEqualTo(10_000);
        assertThat(t.httpVersion()).isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(t.trustAllCertificates()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ftp://host/x", "ws://host", "localhost:8080", "/relative/path", "host"})
    void rejectsUrlsThatAreNotHttpOrHttps(String url) {
        assertThatThrownBy(() -> Target.of(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(url)
                .hasMessageContaining("http:// or https://");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http:///path", "https:/x", "http:relative"})
    void rejectsUrlsWithoutAHost(String url) {
        assertThatThrownBy(() -> Target.of(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no host");
    }

    @Test
    void acceptsTheSchemeInAnyCase() {
        assertThat(Target.of("HTTPS://example.com").tls()).isTrue();
        assertThat(Target.of("Http://example.com").tls()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {0, -1})
    void rejectsTimeoutsThatAreNotPositive(long millis) {
        Target t = Target.of("http://h");
        Duration d = Duration.ofMillis(millis);

        assertThatThrownBy(() -> t.withTimeout(d))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout must be > 0");
        assertThatThrownBy(() -> new Target(t.url(), t.timeout(), d, 1, 0, HttpVersion.HTTP_2, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout must be > 0");
    }

    @Test
    void rejectsFewerThanOneConnectionAndANegativeQueue() {
        Target t = Target.of("http://h");

        assertThatThrownBy(() -> t.withMaxConnections(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConnections must be >= 1");
        assertThat(t.withMaxConnections(1).maxConnections()).isEqualTo(1);
        assertThatThrownBy(() -> t.withMaxQueue(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxQueue must be >= 0");
        assertThat(t.withMaxQueue(0).maxQueue()).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "http://h, 80",
            "https://h, 443",
            "HTTPS://h/x, 443",
            "http://h:8080, 8080",
            "https://h:8443/api, 8443",
            "http://127.0.0.1:443, 443"
    })
    void portDefaultsFromTheScheme(String url, int port) {
        assertThat(Target.of(url).port()).isEqualTo(port);
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource({
            "http://h, ''",
            "http://h/, ''",
            "http://h/api, /api",
            "http://h/api/, /api",
            "http://h:81/api/v1/, /api/v1",
            "http://h/a%20b/, /a%20b",
            "http://h/api//, /api",
            "http://h//, ''"
    })
    void basePathHasNoTrailingSlash(String url, String basePath) {
        assertThat(Target.of(url).basePath()).isEqualTo(basePath);
    }

    @Test
    void withUrlKeepsEverythingElse() {
        Target t = new Target(URI.create("http://a"), Duration.ofSeconds(1), Duration.ofSeconds(2), 3, 4,
                HttpVersion.HTTP_2, true);

        assertThat(t.withUrl(URI.create("https://b:9/c")))
                .isEqualTo(new Target(URI.create("https://b:9/c"), Duration.ofSeconds(1), Duration.ofSeconds(2), 3,
                        4, HttpVersion.HTTP_2, true));
    }
}
