package dev.onrush.core.internal.engine.http1;

import dev.onrush.core.model.PayloadSize;
import dev.onrush.core.model.TextTemplate;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A request whose path, header values or body change per request (template variables, a drawn body size). The
 * literal parts are encoded once, at construction; per request {@link #draw} picks the values into a
 * {@link RequestValues} and {@link #encode} writes the head into one buffer sized exactly, writing only the
 * variables' digits; a body of drawn size is a slice of a shared filler buffer, sent without a copy.
 *
 * <p>The encoding is that of {@link RequestTemplate} (same header order, {@code Host}, {@code User-Agent},
 * {@code Content-Length}, {@code Content-Type} rules), with {@code Content-Length} computed per request. Path and
 * header values are ISO-8859-1, a text body UTF-8.
 *
 * <p><b>Thread:</b> immutable, may be shared; the {@link RequestValues} and the random generator passed in are the
 * caller's, confined to its event loop. <b>Failure:</b> the constructor throws {@link IllegalArgumentException}
 * naming the invalid part, as {@link RequestTemplate} does.
 */
public final class TemplatedRequest {

    private static final int LITERAL = -1;
    private static final int BODY_LENGTH = -2;
    private static final Set<String> METHODS_WITH_EMPTY_BODY_LENGTH = Set.of("POST", "PUT", "PATCH");
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final Segments head;
    private final Segments body;
    private final Segments path;
    private final String basePath;
    private final String[] headerNames;
    private final Segments[] headerValues;
    private final TextTemplate.Variable[] variables;
    private final int[] keyIndexes;
    private final PayloadSize bodySize;
    private final PayloadSize responseSize;
    private final boolean headMethod;

    /**
     * @param method       the method token
     * @param host         the {@code Host} value
     * @param basePath     the target's base path, sent before {@code path} (no variables)
     * @param path         the path template, starting with {@code /}
     * @param headers      user headers (value templates) in order, or null
     * @param body         the body template, or null
     * @param contentType  the {@code Content-Type}, or null
     * @param bodySize     a filler body of this size per request, or null (excludes {@code body})
     * @param responseSize what {@code ${response_size}} draws from, or null
     * @param keyVariables the run's key variables by spelling (their index is what {@link #keyIndexes} gives)
     */
    public TemplatedRequest(String method, String host, String basePath, String path, Map<String, String> headers,
                            String body, String contentType, PayloadSize bodySize, PayloadSize responseSize,
                            List<String> keyVariables) {
        if (body != null && bodySize != null) {
            throw new IllegalArgumentException("body: give a body or a body size, not both");
        }
        Map<String, String> userHeaders = headers == null ? Map.of() : headers;
        TextTemplate pathT = TextTemplate.parse(path);
        Map<String, TextTemplate> headerT = new LinkedHashMap<>();
        userHeaders.forEach((k, v) -> headerT.put(k, TextTemplate.parse(v)));
        TextTemplate bodyT = body == null ? null : TextTemplate.parse(body);
        // the literal parts are checked as RequestTemplate checks them, with every variable as "0"
        Map<String, String> sampleHeaders = new LinkedHashMap<>();
        headerT.forEach((k, v) -> sampleHeaders.put(k, sample(v)));
        new RequestTemplate(method, host, basePath + sample(pathT), sampleHeaders, null, contentType);

        List<TextTemplate.Variable> slots = new ArrayList<>();
        this.path = new Builder(slots).template(pathT, StandardCharsets.ISO_8859_1).build();
        this.basePath = basePath;
        this.headerNames = headerT.keySet().toArray(String[]::new);
        this.headerValues = new Segments[headerNames.length];
        for (int i = 0; i < headerNames.length; i++) {
            headerValues[i] = new Builder(slots).template(headerT.get(headerNames[i]), StandardCharsets.ISO_8859_1)
                    .build();
        }
        this.body = bodyT == null ? null : new Builder(slots).template(bodyT, StandardCharsets.UTF_8).build();

        Builder h = new Builder(slots).literal(method + " " + basePath).template(pathT, StandardCharsets.ISO_8859_1)
                .literal(" HTTP/1.1\r\n");
        if (!containsName(userHeaders, "Host")) {
            h.literal("Host: " + host + "\r\n");
        }
        if (!containsName(userHeaders, "User-Agent")) {
            h.literal("User-Agent: onrush\r\n");
        }
        headerT.forEach((name, value) -> h.literal(name + ": ").template(value, StandardCharsets.ISO_8859_1)
                .literal("\r\n"));
        if (bodyT != null || bodySize != null) {
            h.literal("Content-Length: ").bodyLength().literal("\r\n");
        } else if (METHODS_WITH_EMPTY_BODY_LENGTH.contains(method)) {
            h.literal("Content-Length: 0\r\n");
        }
        if (contentType != null && !containsName(userHeaders, "Content-Type")) {
            h.literal("Content-Type: " + contentType + "\r\n");
        }
        this.head = h.literal("\r\n").build();
        this.variables = slots.toArray(TextTemplate.Variable[]::new);
        this.keyIndexes = slots.stream().filter(TextTemplate.Variable::isKey)
                .mapToInt(v -> keyVariables.indexOf(v.spelling())).toArray();
        this.bodySize = bodySize;
        this.responseSize = responseSize;
        this.headMethod = "HEAD".equals(method);
    }

    /** How many distinct variables it has (the {@link RequestValues} must have room for them). */
    public int slots() {
        return variables.length;
    }

    /** The run-wide indexes of its key variables, one per value {@link #draw} makes; do not modify. */
    public int[] keyIndexes() {
        return keyIndexes;
    }

    /** Whether the method is HEAD, so the response has no body. */
    public boolean isHead() {
        return headMethod;
    }

    /** Whether the body is filler of a drawn size (to be sliced from a filler buffer of its maximum size). */
    public boolean hasFillerBody() {
        return bodySize != null;
    }

    /** Draws this request's values: the body size, then each variable once. */
    public void draw(RequestValues v, RandomGenerator random) {
        long drawnBody = bodySize == null ? -1 : bodySize.draw(random);
        for (int s = 0; s < variables.length; s++) {
            TextTemplate.Variable var = variables[s];
            switch (var.kind()) {
                case COUNTER -> v.numbers[s] = v.nextCounter();
                case RANDOM -> v.numbers[s] = var.min() == var.max() ? var.min()
                        : random.nextLong(var.min(), var.max() + 1);
                case UUID -> {
                    v.numbers[s] = (random.nextLong() & ~0xF000L) | 0x4000L;
                    v.lows[s] = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
                }
                case SIZE -> v.numbers[s] = drawnBody;
                case RESPONSE_SIZE -> v.numbers[s] = responseSize.draw(random);
                default -> throw new IllegalStateException(var.kind().toString());
            }
        }
        v.bodyLength = body != null ? body.length(v, 0) : drawnBody;
    }

    /**
     * The request drawn last into {@code v}, as one message for a raw Netty write (released by the channel once
     * written); sets {@link RequestValues#encodedBytes()}.
     *
     * @param alloc  the channel's allocator (the head goes into one direct buffer of it)
     * @param filler the shared filler, at least as long as the largest body size; read only, never released here
     */
    public ByteBuf encode(ByteBufAllocator alloc, RequestValues v, ByteBuf filler) {
        long bodyLength = v.bodyLength;
        int headLength = head.length(v, bodyLength);
        int textBody = body == null ? 0 : (int) bodyLength;
        ByteBuf out = alloc.directBuffer(headLength + textBody);
        head.write(out, v, bodyLength);
        if (body != null) {
            body.write(out, v, bodyLength);
        }
        v.encodedBytes = (int) (headLength + Math.max(0, bodyLength));
        if (bodySize != null && bodyLength > 0) {
            return Unpooled.wrappedBuffer(out, filler.slice(0, (int) bodyLength));
        }
        return out;
    }

    /** The HTTP/1.1 wire size of the request drawn last into {@code v}, without encoding it. */
    public int encodedLength(RequestValues v) {
        return (int) (head.length(v, v.bodyLength) + Math.max(0, v.bodyLength));
    }

    // ---- the parts on their own, for the HTTP/2 path (which allocates per request anyway) -------------------

    /** The request target (base path and path) of the request drawn last into {@code v}. */
    public String path(RequestValues v) {
        return basePath + path.render(v, StandardCharsets.ISO_8859_1);
    }

    /** User header names, in order. */
    public List<String> headerNames() {
        return List.of(headerNames);
    }

    /** The value of user header {@code i} for the request drawn last into {@code v}. */
    public String headerValue(int i, RequestValues v) {
        return headerValues[i].render(v, StandardCharsets.ISO_8859_1);
    }

    /** The body of the request drawn last into {@code v}, or {@code null} for none (a new buffer; filler is sliced). */
    public ByteBuf body(RequestValues v, ByteBuf filler) {
        if (v.bodyLength < 0) {
            return null;
        }
        if (body == null) {
            return v.bodyLength == 0 ? Unpooled.EMPTY_BUFFER : filler.slice(0, (int) v.bodyLength);
        }
        ByteBuf out = Unpooled.buffer((int) v.bodyLength);
        body.write(out, v, v.bodyLength);
        return out;
    }

    /** The text with every variable written as {@code 0}: what the literal parts are validated with. */
    static String sample(TextTemplate t) {
        StringBuilder sb = new StringBuilder();
        t.parts().forEach(p -> sb.append(p instanceof TextTemplate.Literal l ? l.text() : "0"));
        return sb.toString();
    }

    private static boolean containsName(Map<String, String> headers, String name) {
        return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
    }

    /** Literal bytes and variable slots in order: {@code slot[i] == LITERAL} means {@code literal[i]}. */
    private static final class Segments {
        final byte[][] literal;
        final int[] slot;
        final TextTemplate.Kind[] kind;

        Segments(byte[][] literal, int[] slot, TextTemplate.Kind[] kind) {
            this.literal = literal;
            this.slot = slot;
            this.kind = kind;
        }

        int length(RequestValues v, long bodyLength) {
            int n = 0;
            for (int i = 0; i < slot.length; i++) {
                int s = slot[i];
                if (s == LITERAL) {
                    n += literal[i].length;
                } else if (s == BODY_LENGTH) {
                    n += digits(bodyLength);
                } else {
                    n += kind[i] == TextTemplate.Kind.UUID ? 36 : digits(v.numbers[s]);
                }
            }
            return n;
        }

        void write(ByteBuf out, RequestValues v, long bodyLength) {
            for (int i = 0; i < slot.length; i++) {
                int s = slot[i];
                if (s == LITERAL) {
                    out.writeBytes(literal[i]);
                } else if (s == BODY_LENGTH) {
                    writeDecimal(out, bodyLength);
                } else if (kind[i] == TextTemplate.Kind.UUID) {
                    writeUuid(out, v.numbers[s], v.lows[s]);
                } else {
                    writeDecimal(out, v.numbers[s]);
                }
            }
        }

        String render(RequestValues v, Charset charset) {
            ByteBuf out = Unpooled.buffer(length(v, 0));
            write(out, v, 0);
            return out.toString(charset);
        }
    }

    /** Builds {@link Segments}, merging neighbouring literals; shares the slot list of one request. */
    private static final class Builder {
        private final List<TextTemplate.Variable> slots;
        private final List<byte[]> literals = new ArrayList<>();
        private final List<Integer> slotOf = new ArrayList<>();
        private final List<TextTemplate.Kind> kinds = new ArrayList<>();
        private final StringBuilder pending = new StringBuilder();
        private Charset pendingCharset = StandardCharsets.ISO_8859_1;

        Builder(List<TextTemplate.Variable> slots) {
            this.slots = slots;
        }

        Builder literal(String text) {
            return literal(text, StandardCharsets.ISO_8859_1);
        }

        Builder literal(String text, Charset charset) {
            if (!charset.equals(pendingCharset)) {
                flush();
                pendingCharset = charset;
            }
            pending.append(text);
            return this;
        }

        Builder template(TextTemplate t, Charset charset) {
            for (TextTemplate.Part p : t.parts()) {
                if (p instanceof TextTemplate.Literal l) {
                    literal(l.text(), charset);
                } else {
                    TextTemplate.Variable var = (TextTemplate.Variable) p;
                    int s = indexOf(var);
                    add(s, var.kind());
                }
            }
            return this;
        }

        Builder bodyLength() {
            add(BODY_LENGTH, null);
            return this;
        }

        private int indexOf(TextTemplate.Variable var) {
            for (int i = 0; i < slots.size(); i++) {
                if (slots.get(i).spelling().equals(var.spelling())) {
                    return i;
                }
            }
            slots.add(var);
            return slots.size() - 1;
        }

        private void add(int slot, TextTemplate.Kind kind) {
            flush();
            literals.add(null);
            slotOf.add(slot);
            kinds.add(kind);
        }

        private void flush() {
            if (!pending.isEmpty()) {
                literals.add(pending.toString().getBytes(pendingCharset));
                slotOf.add(LITERAL);
                kinds.add(null);
                pending.setLength(0);
            }
        }

        Segments build() {
            flush();
            return new Segments(literals.toArray(byte[][]::new), slotOf.stream().mapToInt(Integer::intValue).toArray(),
                    kinds.toArray(TextTemplate.Kind[]::new));
        }
    }

    /** Decimal digits of {@code v >= 0}. */
    static int digits(long v) {
        int n = 1;
        while (v >= 10) {
            v /= 10;
            n++;
        }
        return n;
    }

    static void writeDecimal(ByteBuf out, long v) {
        int n = digits(v);
        int at = out.writerIndex();
        out.ensureWritable(n);
        for (int i = n - 1; i >= 0; i--) {
            out.setByte(at + i, (int) ('0' + v % 10));
            v /= 10;
        }
        out.writerIndex(at + n);
    }

    /** The 8-4-4-4-12 lower-case hex form of a UUID. */
    static void writeUuid(ByteBuf out, long high, long low) {
        hex(out, high >>> 32, 8);
        out.writeByte('-');
        hex(out, high >>> 16, 4);
        out.writeByte('-');
        hex(out, high, 4);
        out.writeByte('-');
        hex(out, low >>> 48, 4);
        out.writeByte('-');
        hex(out, low, 12);
    }

    private static void hex(ByteBuf out, long bits, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out.writeByte(HEX[(int) (bits >>> (4 * i)) & 0xF]);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TemplatedRequest[%d variables]", variables.length);
    }
}
