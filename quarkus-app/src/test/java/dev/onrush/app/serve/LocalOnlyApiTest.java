package dev.onrush.app.serve;

import dev.onrush.demo.DemoTarget;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as {@code serve --insecure-local-only} (no token), spoken to over raw sockets so that every header a
 * browser page could send (Origin, Host, Content-Type) is exactly as written.
 */
@QuarkusTest
@TestProfile(LocalOnlyApiTest.LocalOnly.class)
class LocalOnlyApiTest {

    /** No token, local only: what {@code serve --insecure-local-only} sets. */
    public static class LocalOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("onrush.serve.token", "", "onrush.serve.insecure-local-only", "true");
        }
    }

    private static DemoTarget target;

    @TestHTTPResource("/")
    URI base;

    @BeforeAll
    static void startTarget() {
        target = new DemoTarget(DemoTarget.Options.builder().build());
        target.start();
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    record Answer(int status, String text) {
    }

    /** One request on its own connection; {@code headers} are written as given, after the request line. */
    private Answer raw(String method, String path, String headers, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\n" + headers + "Connection: close\r\n"
                + (body == null ? "" : "Content-Length: " + bytes.length + "\r\n") + "\r\n";
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            InputStream in = s.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(Integer.parseInt(text.substring(9, 12)), text);
        }
    }

    private String host() {
        return "Host: 127.0.0.1:" + base.getPort() + "\r\n";
    }

    private String plan(String name) {
        return ServeApiTest.plan(name, target.baseUrl(), "[{name: p, duration: 1s, rate: 5}]");
    }

    @Test
    void aCrossSiteTextPlainPostIsRefusedAndStartsNoRun() throws Exception {
        Answer a = raw("POST", "/api/tests", host() + "Origin: http://evil.example\r\nContent-Type: text/plain\r\n",
                plan("csrf-origin"));
        assertThat(a.status()).as(a.text()).isEqualTo(403);
        assertThat(a.text()).contains("cross_site_refused", "http://evil.example");
        // a page whose fetch sends no Origin still cannot use a content type that needs no preflight
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=b"}) {
            Answer t = raw("POST", "/api/tests", host() + "Content-Type: " + type + "\r\n", plan("csrf-type"));
            assertThat(t.status()).as(type + ": " + t.text()).isEqualTo(415);
            assertThat(t.text()).contains("unsupported_media_type");
        }
        Answer list = raw("GET", "/api/tests", host(), null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).doesNotContain("csrf-");
    }

    @Test
    void aHostThatIsNotLoopbackWithTheServicePortIsRefused() throws Exception {
        for (String host : new String[] {"rebound.evil.example:" + base.getPort(), "127.0.0.1:1", "localhost"}) {
            Answer a = raw("GET", "/api/tests", "Host: " + host + "\r\n", null);
            assertThat(a.status()).as(host + ": " + a.text()).isEqualTo(403);
            assertThat(a.text()).contains("host_not_local");
        }
    }

    @Test
    void aLocalClientNeedsNoTokenAndItsOwnOriginIsAccepted() throws Exception {
        Answer a = raw("POST", "/api/tests", "Host: localhost:" + base.getPort() + "\r\nOrigin: http://localhost:"
                + base.getPort() + "\r\nContent-Type: application/yaml\r\n", plan("local-ok"));
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        String id = a.text().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        // java.net.http upgrades to HTTP/2 (h2c): the authority then comes as :authority, not Host
        new Api(base).await("/api/tests/" + id, j -> !j.get("status").asText().equals("RUNNING"),
                Duration.ofSeconds(60));
    }
}
