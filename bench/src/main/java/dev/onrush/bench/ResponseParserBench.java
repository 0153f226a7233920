package dev.onrush.bench;

import dev.onrush.core.internal.engine.http1.ResponseParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Cost of parsing one whole response delivered as one Netty {@link ByteBuf} (the engine's read path), the common case on a
 * keep-alive connection: {@code start} then one {@code feed}. Run with {@code -prof gc}:
 * {@code gc.alloc.rate.norm} should be about 0 B/op, since the parser allocates nothing on success.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ResponseParserBench {

    /** 150 bytes: a typical small JSON answer with Content-Length. */
    static final String CONTENT_LENGTH_RESPONSE = "HTTP/1.1 200 OK\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: 27\r\n"
            + "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
            + "Server: demo\r\n"
            + "\r\n"
            + "{\"status\":\"ok\",\"id\":12345}\n";

    /** The same body in two chunks, with a chunk extension and an empty trailer section. */
    static final String CHUNKED_RESPONSE = "HTTP/1.1 200 OK\r\n"
            + "Content-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n"
            + "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
            + "Server: demo\r\n"
            + "\r\n"
            + "f;x=1\r\n{\"status\":\"ok\",\r\n"
            + "c\r\n\"id\":12345}\n\r\n"
            + "0\r\n\r\n";

    private final ResponseParser parser = new ResponseParser();
    private ByteBuf contentLength;
    private ByteBuf chunked;

    @Setup
    public void setUp() {
        contentLength = Unpooled.wrappedBuffer(CONTENT_LENGTH_RESPONSE.getBytes(StandardCharsets.US_ASCII));
        chunked = Unpooled.wrappedBuffer(CHUNKED_RESPONSE.getBytes(StandardCharsets.US_ASCII));
        check(contentLength, 27);
        check(chunked, 27);
    }

    @Benchmark
    public int contentLength() {
        parser.start(false);
        return parser.feed(contentLength, 0);
    }

    @Benchmark
    public int chunked() {
        parser.start(false);
        return parser.feed(chunked, 0);
    }

    /** Fails the run rather than measuring a parser that stops early on an error. */
    private void check(ByteBuf response, long expectedBodyBytes) {
        parser.start(false);
        int result = parser.feed(response, 0);
        if (result != ResponseParser.COMPLETE || parser.bodyBytes() != expectedBodyBytes
                || parser.leftoverBytes() != 0 || parser.statusCode() != 200) {
            throw new IllegalStateException("bad benchmark input: result=" + result + " body="
                    + parser.bodyBytes() + " leftover=" + parser.leftoverBytes() + " error="
                    + parser.errorMessage());
        }
    }
}
