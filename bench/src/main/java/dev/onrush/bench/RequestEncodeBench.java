package dev.onrush.bench;

import dev.onrush.core.internal.engine.http1.RequestTemplate;
import dev.onrush.core.internal.engine.http1.RequestValues;
import dev.onrush.core.internal.engine.http1.TemplatedRequest;
import dev.onrush.core.model.PayloadSize;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * What a templated request costs the engine's write path over a static one: getting the message to write (and
 * releasing it, as the channel does once written). {@code staticRequest} is the pre-encoded template's
 * duplicate; {@code templatedPath} draws {@code ${counter}} and {@code ${random:…}} and encodes the head into a
 * pooled direct buffer; {@code templatedHeaderAndUuid} adds a {@code ${uuid}} header; {@code fillerBody64KiB}
 * draws a body size and appends a slice of the shared filler (no copy). Run with {@code -prof gc} for the bytes
 * allocated per request.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequestEncodeBench {

    private final SplittableRandom random = new SplittableRandom(1);
    private RequestTemplate fixed;
    private TemplatedRequest path;
    private TemplatedRequest uuid;
    private TemplatedRequest filler;
    private RequestValues values;
    private ByteBuf fillerBytes;

    @Setup
    public void setUp() {
        fixed = new RequestTemplate("GET", "127.0.0.1:8080", "/api/items/123456?r=42", Map.of(), null, null);
        path = new TemplatedRequest("GET", "127.0.0.1:8080", "", "/api/items/${counter}?r=${random:1:1000000}",
                Map.of(), null, null, null, null, List.of());
        uuid = new TemplatedRequest("GET", "127.0.0.1:8080", "", "/api/items/${counter}?r=${random:1:1000000}",
                Map.of("X-Request-Id", "${uuid}"), null, null, null, null, List.of());
        filler = new TemplatedRequest("PUT", "127.0.0.1:8080", "", "/api/items/${counter}", Map.of(), null, null,
                PayloadSize.uniform(60_000, 65_536), null, List.of());
        values = new RequestValues(4, 1, 1);
        fillerBytes = Unpooled.unreleasableBuffer(Unpooled.directBuffer(65_536).writeZero(65_536));
    }

    @TearDown
    public void tearDown() {
        fillerBytes.unwrap().release();
    }

    @Benchmark
    public int staticRequest() {
        ByteBuf m = fixed.newWriteMessage();
        int n = m.readableBytes();
        m.release();
        return n;
    }

    @Benchmark
    public int templatedPath() {
        return encode(path);
    }

    @Benchmark
    public int templatedHeaderAndUuid() {
        return encode(uuid);
    }

    @Benchmark
    public int fillerBody64KiB() {
        return encode(filler);
    }

    private int encode(TemplatedRequest t) {
        t.draw(values, random);
        ByteBuf m = t.encode(PooledByteBufAllocator.DEFAULT, values, fillerBytes);
        int n = m.readableBytes();
        m.release();
        return n;
    }
}
