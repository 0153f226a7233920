package dev.onrush.core.internal.engine.http1;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded, reproducible property test: random valid responses fed in random splits, several in sequence on
 * one parser, must be reported with exactly the generated status, body length, keep-alive and byte count.
 */
class ResponseParserSplitTest {

    private static final int[] STATUSES = {200, 201, 202, 204, 301, 302, 304, 400, 404, 418, 500, 503};

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomResponsesInRandomSplitsAreFramedExactly(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ResponseParser parser = new ResponseParser();
        int responses = 1 + random.nextInt(4);
        for (int r = 0; r < responses; r++) {
            Expected expected = generate(random);
            parser.start(expected.head);
            int[] results = feedInRandomPieces(parser, expected.bytes, random);
            String context = "seed %d, response %d:%n%s";
            Object[] args = {seed, r, new String(expected.bytes, StandardCharsets.ISO_8859_1)};

            for (int i = 0; i < results.length - 1; i++) {
                assertThat(results[i]).as(context + " piece " + i + " " + parser.errorMessage(), args)
                        .isEqualTo(ResponseParser.NEED_MORE);
            }
            if (expected.untilClose) {
                assertThat(results[results.length - 1]).as(context, args).isEqualTo(ResponseParser.NEED_MORE);
                assertThat(parser.onClose()).as(context, args).isTrue();
            } else {
                assertThat(results[results.length - 1]).as(context + " " + parser.errorMessage(), args)
                        .isEqualTo(ResponseParser.COMPLETE);
            }
            assertThat(parser.statusCode()).as(context, args).isEqualTo(expected.status);
            assertThat(parser.bodyBytes()).as(context, args).isEqualTo(expected.bodyLength);
            assertThat(parser.keepAlive()).as(context, args).isEqualTo(expected.keepAlive);
            assertThat(parser.bytesRead()).as(context, args).isEqualTo(expected.bytes.length);
            assertThat(parser.leftoverBytes()).as(context, args).isZero();
            if (expected.untilClose) {
                return; // the connection is gone: no further response on it
            }
        }
    }

    private static int[] feedInRandomPieces(ResponseParser parser, byte[] bytes, SplittableRandom random) {
        int cuts = random.nextInt(Math.min(bytes.length, 12));
        int[] points = new int[cuts + 2];
        for (int i = 1; i <= cuts; i++) {
            points[i] = 1 + random.nextInt(bytes.length - 1);
        }
        points[cuts + 1] = bytes.length;
        Arrays.sort(points);
        int[] results = new int[cuts + 1];
        int count = 0;
        for (int i = 0; i + 1 < points.length; i++) {
            if (points[i] == points[i + 1]) {
                continue; // duplicate cut point
            }
            results[count++] = parser.feed(Buffer.buffer(Arrays.copyOfRange(bytes, points[i], points[i + 1])));
        }
        return Arrays.copyOf(results, count);
    }

    private record Expected(byte[] bytes, boolean head, int status, long bodyLength, boolean keepAlive,
            boolean untilClose) {
    }

    private static Expected generate(SplittableRandom random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0; i > 0; i--) {
            int interim = random.nextBoolean() ? 100 : 102 + random.nextInt(2);
            write(out, "HTTP/1.1 " + interim + " Interim\r\n");
            randomHeaders(out, random);
            write(out, "\r\n");
        }
        boolean http10 = random.nextInt(5) == 0;
        int status = random.nextInt(4) == 0 ? 200 + random.nextInt(400) : STATUSES[random.nextInt(STATUSES.length)];
        boolean head = random.nextInt(8) == 0;
        write(out, "HTTP/1." + (http10 ? 0 : 1) + " " + status + reason(random) + "\r\n");

        int connection = random.nextInt(4); // 0 none, 1 close, 2 keep-alive, 3 list with close
        boolean closeToken = connection == 1 || connection == 3;
        boolean keepAlive = !closeToken && (!http10 || connection == 2);
        switch (connection) {
            case 1 -> header(out, random, "Connection", "close");
            case 2 -> header(out, random, "Connection", "keep-alive");
            case 3 -> header(out, random, "Connection", "Upgrade, " + randomCase(random, "close"));
            default -> { }
        }
        randomHeaders(out, random);

        boolean bodyAllowed = !head && status != 204 && status != 304;
        int framing = random.nextInt(bodyAllowed ? 5 : 2); // 0,1 length; 2,3 chunked; 4 until close
        byte[] body = randomBytes(random, random.nextInt(4) == 0 ? 0 : random.nextInt(2000));
        long bodyLength;
        boolean untilClose = false;
        if (framing <= 1) {
            header(out, random, "Content-Length", Integer.toString(body.length));
            randomHeaders(out, random);
            write(out, "\r\n");
            bodyLength = bodyAllowed ? body.length : 0;
            if (bodyAllowed) {
                out.writeBytes(body);
            }
        } else if (framing <= 3) {
            header(out, random, "Transfer-Encoding", random.nextBoolean() ? "chunked" : "gzip, chunked");
            write(out, "\r\n");
            bodyLength = bodyAllowed ? writeChunks(out, random, body) : 0;
        } else {
            write(out, "\r\n");
            out.writeBytes(body);
            bodyLength = body.length;
            untilClose = true;
            keepAlive = false;
        }
        return new Expected(out.toByteArray(), head, status, bodyLength, keepAlive, untilClose);
    }

    private static long writeChunks(ByteArrayOutputStream out, SplittableRandom random, byte[] body) {
        int offset = 0;
        while (offset < body.length) {
            int size = Math.min(body.length - offset, 1 + random.nextInt(300));
            String hex = Integer.toHexString(size);
            write(out, (random.nextBoolean() ? hex : hex.toUpperCase()) + (random.nextInt(4) == 0 ? ";ext=v" : "")
                    + "\r\n");
            out.write(body, offset, size);
            write(out, "\r\n");
            offset += size;
        }
        write(out, "0" + (random.nextInt(4) == 0 ? ";last" : "") + "\r\n");
        if (random.nextInt(3) == 0) {
            write(out, "X-Checksum: " + random.nextInt() + "\r\n");
        }
        write(out, "\r\n");
        return body.length;
    }

    private static void randomHeaders(ByteArrayOutputStream out, SplittableRandom random) {
        for (int i = random.nextInt(5); i > 0; i--) {
            header(out, random, "X-H" + random.nextInt(1000), "value " + random.nextLong());
        }
    }

    private static void header(ByteArrayOutputStream out, SplittableRandom random, String name, String value) {
        String ows = random.nextBoolean() ? " " : random.nextBoolean() ? "" : " \t";
        String trailing = random.nextInt(4) == 0 ? " " : "";
        write(out, randomCase(random, name) + ":" + ows + value + trailing + "\r\n");
    }

    private static String reason(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> "";
            case 1 -> " ";
            default -> " Some Reason";
        };
    }

    private static String randomCase(SplittableRandom random, String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return sb.toString();
    }

    private static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
