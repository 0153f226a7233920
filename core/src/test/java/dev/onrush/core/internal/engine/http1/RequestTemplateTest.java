package dev.onrush.core.internal.engine.http1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestTemplateTest {

    private static String text(RequestTemplate template) {
        return template.buffer().toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void getWithoutBodyEncodesRequestLineHostAndUserAgent() {
        RequestTemplate template = new RequestTemplate("GET", "127.0.0.1:8080", "/a?b=c", null, null, null);

        assertThat(text(template)).isEqualTo(
                "GET /a?b=c HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: onrush\r\n\r\n");
        assertThat(template.byteCount()).isEqualTo(template.buffer().length());
        assertThat(template.isHead()).isFalse();
    }

    @Test
    void postWithBodyEncodesUserHeadersInOrderThenLengthTypeAndBody() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-B", "2");
        headers.put("X-A", "1");
        byte[] body = "{\"k\":1}".getBytes(StandardCharsets.UTF_8);

        RequestTemplate template = new RequestTemplate("POST", "h:1", "/p", headers, body, "application/json");

        assertThat(text(template)).isEqualTo("POST /p HTTP/1.1\r\nHost: h:1\r\nUser-Agent: onrush\r\n"
                + "X-B: 2\r\nX-A: 1\r\nContent-Length: 7\r\nContent-Type: application/json\r\n\r\n{\"k\":1}");
    }

    @Test
    void postPutPatchWithoutBodySendZeroContentLength() {
        for (String method : new String[] {"POST", "PUT", "PATCH"}) {
            assertThat(text(new RequestTemplate(method, "h", "/", null, null, null)))
                    .contains("\r\nContent-Length: 0\r\n");
        }
        assertThat(text(new RequestTemplate("DELETE", "h", "/", null, null, null))).doesNotContain("Content-Length");
    }

    @Test
    void userHeadersReplaceDefaultsCaseInsensitively() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("user-agent", "custom");
        headers.put("HOST", "example.com");
        headers.put("content-type", "text/plain");

        String text = text(new RequestTemplate("PUT", "h:1", "/", headers, new byte[] {'x'}, "application/json"));

        assertThat(text).isEqualTo("PUT / HTTP/1.1\r\nuser-agent: custom\r\nHOST: example.com\r\n"
                + "content-type: text/plain\r\nContent-Length: 1\r\n\r\nx");
    }

    @Test
    void headRequestIsFlagged() {
        assertThat(new RequestTemplate("HEAD", "h", "/", null, null, null).isHead()).isTrue();
    }

    @Test
    void bufferIsTheSameInstanceAndSurvivesRepeatedByteBufReads() {
        RequestTemplate template = new RequestTemplate("GET", "h", "/", null, null, null);
        // NetSocket.write(Buffer) writes getByteBuf(): reading that must not consume the template
        template.buffer().getByteBuf().skipBytes(5);

        assertThat(template.buffer()).isSameAs(template.buffer());
        assertThat(template.buffer().getByteBuf().readableBytes()).isEqualTo(template.byteCount());
    }

    @Test
    void invalidMethodIsRejectedByName() {
        assertThatThrownBy(() -> new RequestTemplate("GE T", "h", "/", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("method: \"GE T\"");
    }

    @Test
    void pathWithoutSlashOrWithSpaceOrNewlineIsRejected() {
        for (String path : new String[] {"a", "/a b", "/a\r\nX: y", ""}) {
            assertThatThrownBy(() -> new RequestTemplate("GET", "h", path, null, null, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("pathAndQuery: ");
        }
    }

    @Test
    void invalidHeaderNameOrValueIsRejectedNamingTheHeader() {
        assertThatThrownBy(() -> new RequestTemplate("GET", "h", "/", Map.of("Bad Name", "v"), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("headers: name \"Bad Name\" is not a token");
        assertThatThrownBy(() -> new RequestTemplate("GET", "h", "/", Map.of("X-A", "v\r\nX-B: w"), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("headers[X-A]: ");
    }

    @Test
    void framingHeadersFromTheUserAreRejected() {
        assertThatThrownBy(() -> new RequestTemplate("GET", "h", "/", Map.of("content-length", "3"), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("computed from the body");
    }

    @Test
    void hostAndContentTypeWithNewlinesAreRejected() {
        assertThatThrownBy(() -> new RequestTemplate("GET", "h\n", "/", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("host: ");
        assertThatThrownBy(() -> new RequestTemplate("POST", "h", "/", null, new byte[0], "a\rb"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("contentType: ");
    }
}
