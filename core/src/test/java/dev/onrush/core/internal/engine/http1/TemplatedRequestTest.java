package dev.onrush.core.internal.engine.http1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onrush.core.model.PayloadSize;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TemplatedRequestTest {

    private static final ByteBuf FILLER = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(
            "0123456789".repeat(10_000).getBytes(StandardCharsets.US_ASCII)));

    static LongStream seeds() {
        return LongStream.range(0, 25).map(i -> 1000 + i * 7919);
    }

    /**
     * Whatever the values drawn, the bytes are exactly those of a static {@link RequestTemplate} of the same request
     * with the values written in: same head layout, right Content-Length.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void encodesExactlyWhatAStaticTemplateOfTheDrawnValuesWould(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        boolean filler = r.nextBoolean();
        String method = filler ? "PUT" : List.of("GET", "POST", "DELETE").get(r.nextInt(3));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Id", "${uuid}");
        if (r.nextBoolean()) {
            headers.put("X-Size", filler ? "${size}" : "${random:0:9}");
        }
        String body = filler || r.nextBoolean() ? null : "{\"k\":${counter},\"r\":\"${random:1:100000}\",\"é\":1}";
        TemplatedRequest t = new TemplatedRequest(method, "h:1", "/base", "/items/${counter}?r=${random:1:100000}"
                + "&s=${response_size}&lit=$${x}", headers, body, body == null ? null : "application/json",
                filler ? PayloadSize.uniform(0, 50_000) : null, PayloadSize.fixed(1234),
                List.of("counter", "random:1:100000", "uuid", "random:0:9"));
        RequestValues v = new RequestValues(t.slots(), 3, 4);

        for (int i = 0; i < 20; i++) {
            t.draw(v, r);
            ByteBuf encoded = t.encode(PooledByteBufAllocator.DEFAULT, v, FILLER);
            byte[] bytes = ByteBufUtil.getBytes(encoded);
            encoded.release();

            Map<String, String> rendered = new LinkedHashMap<>();
            for (int h = 0; h < t.headerNames().size(); h++) {
                rendered.put(t.headerNames().get(h), t.headerValue(h, v));
            }
            ByteBuf expectedBody = t.body(v, FILLER);
            byte[] bodyBytes = expectedBody == null ? null : ByteBufUtil.getBytes(expectedBody);
            RequestTemplate same = new RequestTemplate(method, "h:1", t.path(v), rendered, bodyBytes,
                    body == null ? null : "application/json");
            assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as("seed %d, request %d", seed, i)
                    .isEqualTo(new String(ByteBufUtil.getBytes(same.newWriteMessage()), StandardCharsets.ISO_8859_1));
            assertThat(v.encodedBytes()).as("seed %d", seed).isEqualTo(bytes.length).isEqualTo(t.encodedLength(v));
            assertThat(t.path(v)).as("seed %d", seed).startsWith("/base/items/").contains("&s=1234&lit=${x}");
        }
    }

    @Test
    void counterStepsByTheShardCountAndUuidsAreVersion4() {
        TemplatedRequest t = new TemplatedRequest("GET", "h", "", "/k/${counter}/${uuid}/${uuid}", null, null, null,
                null, null, List.of("counter", "uuid"));
        RequestValues v = new RequestValues(t.slots(), 2, 3);
        SplittableRandom r = new SplittableRandom(5);
        Pattern p = Pattern.compile("/k/(\\d+)/([0-9a-f-]{36})/([0-9a-f-]{36})");
        for (long expected = 2; expected < 2 + 3 * 50; expected += 3) {
            t.draw(v, r);
            Matcher m = p.matcher(t.path(v));
            assertThat(m.matches()).as(t.path(v)).isTrue();
            assertThat(Long.parseLong(m.group(1))).isEqualTo(expected);
            assertThat(m.group(2)).as("one value per request").isEqualTo(m.group(3));
            UUID u = UUID.fromString(m.group(2));
            assertThat(u.version()).isEqualTo(4);
            assertThat(u.variant()).isEqualTo(2);
            assertThat(u.toString()).isEqualTo(m.group(2));
        }
        assertThat(t.keyIndexes()).containsExactly(0, 1);
    }

    @Test
    void aFillerBodyIsASliceOfTheFillerNotACopy() {
        TemplatedRequest t = new TemplatedRequest("PUT", "h", "", "/u", null, null, null, PayloadSize.fixed(70_000),
                null, List.of());
        RequestValues v = new RequestValues(t.slots(), 1, 1);
        t.draw(v, new SplittableRandom(1));
        ByteBuf m = t.encode(PooledByteBufAllocator.DEFAULT, v, FILLER);

        assertThat(m.readableBytes()).isEqualTo(v.encodedBytes());
        assertThat(m.nioBufferCount()).as("head and filler slice, gathered on write").isEqualTo(2);
        assertThat(m.toString(StandardCharsets.ISO_8859_1)).startsWith("PUT /u HTTP/1.1\r\nHost: h\r\n"
                + "User-Agent: onrush\r\nContent-Length: 70000\r\n\r\n0123456789");
        m.release();
        assertThat(FILLER.refCnt()).isEqualTo(1);
    }

    @Test
    void rejectsWhatAStaticTemplateRejects() {
        assertThatThrownBy(() -> new TemplatedRequest("GET", "h", "", "/a b/${counter}", null, null, null, null,
                null, List.of())).hasMessageContaining("pathAndQuery");
        assertThatThrownBy(() -> new TemplatedRequest("GET", "h", "", "/a", Map.of("Content-Length", "${counter}"),
                null, null, null, null, List.of())).hasMessageContaining("computed from the body");
    }

    @Test
    void countsDigits() {
        assertThat(TemplatedRequest.digits(0)).isEqualTo(1);
        assertThat(TemplatedRequest.digits(9)).isEqualTo(1);
        assertThat(TemplatedRequest.digits(10)).isEqualTo(2);
        assertThat(TemplatedRequest.digits(Long.MAX_VALUE)).isEqualTo(19);
    }
}
