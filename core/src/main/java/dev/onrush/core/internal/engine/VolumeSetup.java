package dev.onrush.core.internal.engine;

import dev.onrush.core.model.LoadTest;
import dev.onrush.core.model.PayloadSize;
import dev.onrush.core.model.Scenario;
import dev.onrush.core.model.Step;
import dev.onrush.core.model.TestType;
import dev.onrush.core.model.TextTemplate;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * What a test needs for large payloads and many keys, decided once per run from its plan: whether latency is
 * recorded by payload-size class (volume tests, and any test with {@code body_size} or {@code response_size}), the
 * key variables counted for the analysis, and the filler buffer request bodies are sliced from. Stateless.
 */
public final class VolumeSetup {

    private VolumeSetup() {
    }

    /** Whether the run records latency by payload-size class (other runs pay nothing for it). */
    public static boolean recordsSizes(LoadTest test) {
        return test.type() == TestType.VOLUME || requests(test)
                .anyMatch(r -> r.bodySize() != null || r.responseSize() != null);
    }

    /**
     * The distinct key variables ({@code counter}, {@code uuid}, {@code random:MIN:MAX}) of the test's templates,
     * by spelling, in scenario order: their index is the one the engine counts values under.
     */
    public static List<String> keyVariables(LoadTest test) {
        Set<String> out = new LinkedHashSet<>();
        requests(test).forEach(r -> {
            List<String> texts = new ArrayList<>();
            texts.add(r.path());
            texts.addAll(r.headers().values());
            texts.add(r.body());
            for (String t : texts) {
                if (TextTemplate.hasVariables(t)) {
                    TextTemplate.parse(t).variables().stream().filter(TextTemplate.Variable::isKey)
                            .forEach(v -> out.add(v.spelling()));
                }
            }
        });
        return List.copyOf(out);
    }

    /** The largest body any request may draw, 0 when none has a body size. */
    static long maxBodyBytes(LoadTest test) {
        return requests(test).map(Step.Request::bodySize).filter(s -> s != null).mapToLong(PayloadSize::max)
                .max().orElse(0);
    }

    /**
     * The filler request bodies are sliced from: {@code bytes} printable pseudo-random characters (a fixed seed, so
     * runs send the same bytes; not one repeated byte, which a compressing proxy would shrink to nothing), in one
     * direct buffer that writes never copy. Its {@code release()} is a no-op: free it with
     * {@code unwrap().release()} once the run's connections are closed.
     */
    static ByteBuf filler(long bytes) {
        ByteBuf direct = Unpooled.directBuffer((int) bytes, (int) bytes);
        SplittableRandom random = new SplittableRandom(20240601L);
        byte[] alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".getBytes();
        byte[] chunk = new byte[64 * 1024];
        for (long written = 0; written < bytes; written += chunk.length) {
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = alphabet[random.nextInt(alphabet.length)];
            }
            direct.writeBytes(chunk, 0, (int) Math.min(chunk.length, bytes - written));
        }
        return Unpooled.unreleasableBuffer(direct);
    }

    private static Stream<Step.Request> requests(LoadTest test) {
        return test.scenarios().stream().map(Scenario::requests).flatMap(List::stream);
    }
}
