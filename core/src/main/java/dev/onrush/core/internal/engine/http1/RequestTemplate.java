package dev.onrush.core.internal.engine.http1;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One HTTP/1.1 request encoded once into its exact wire bytes, to be written as-is on a Vert.x
 * {@code NetSocket} for every execution.
 *
 * <p>The encoding is: request line, {@code Host}, {@code User-Agent: onrush}, the user headers in the
 * map's iteration order, {@code Content-Length} when there is a body (also {@code Content-Length: 0} for
 * POST, PUT and PATCH without one), {@code Content-Type} when given, the blank line and the body. A user
 * header named {@code Host}, {@code User-Agent} or {@code Content-Type} (case-insensitive) replaces the
 * default one. {@code Content-Length} and {@code Transfer-Encoding} are computed here and are rejected as
 * user headers.
 *
 * <p><b>Writing the same buffer repeatedly is safe</b> (checked against Vert.x 4.5.27):
 * {@code NetSocketImpl.write(Buffer)} writes {@code buffer.getByteBuf()}, and {@code BufferImpl.getByteBuf()}
 * returns a fresh {@code slice()} with its own reader index (made unreleasable unless it is Vert.x's own
 * heap buffer, which already is), so a write never consumes or releases the template's bytes (vert.x
 * issue 648, PR 4518). The cost is one small slice object per write. Callers must never modify
 * {@link #buffer()}.
 *
 * <p><b>Thread:</b> immutable, may be shared by all event loops. <b>Failure:</b> the constructor throws
 * {@link IllegalArgumentException} naming the invalid part.
 */
public final class RequestTemplate {

    private static final String USER_AGENT = "onrush";
    private static final Set<String> METHODS_WITH_EMPTY_BODY_LENGTH = Set.of("POST", "PUT", "PATCH");
    private static final byte[] CRLF = {'\r', '\n'};

    private final Buffer buffer;
    private final ByteBuf bytes;
    private final int byteCount;
    private final boolean head;

    /**
     * @param method       the method, a token such as {@code GET}; case-sensitive
     * @param host         the {@code Host} header value, e.g. {@code 127.0.0.1:8080}
     * @param pathAndQuery the request target in origin form, starting with {@code /}, already percent-encoded
     * @param headers      user headers in the order to send, or null for none; values are ISO-8859-1
     * @param body         the body, or null for none; copied
     * @param contentType  the {@code Content-Type} value, or null for none
     * @throws IllegalArgumentException naming the first invalid part
     */
    public RequestTemplate(String method, String host, String pathAndQuery, Map<String, String> headers,
            byte[] body, String contentType) {
        Map<String, String> userHeaders = headers == null ? Map.of() : headers;
        validate(method, host, pathAndQuery, userHeaders, contentType);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + (body == null ? 0 : body.length));
        write(out, method + " " + pathAndQuery + " HTTP/1.1");
        if (!containsName(userHeaders, "Host")) {
            writeHeader(out, "Host", host);
        }
        if (!containsName(userHeaders, "User-Agent")) {
            writeHeader(out, "User-Agent", USER_AGENT);
        }
        userHeaders.forEach((name, value) -> writeHeader(out, name, value));
        if (body != null) {
            writeHeader(out, "Content-Length", Integer.toString(body.length));
        } else if (METHODS_WITH_EMPTY_BODY_LENGTH.contains(method)) {
            writeHeader(out, "Content-Length", "0");
        }
        if (contentType != null && !containsName(userHeaders, "Content-Type")) {
            writeHeader(out, "Content-Type", contentType);
        }
        out.writeBytes(CRLF);
        if (body != null) {
            out.writeBytes(body);
        }
        byte[] bytes = out.toByteArray();
        this.buffer = Buffer.buffer(bytes);
        this.bytes = Unpooled.wrappedBuffer(bytes);
        this.byteCount = bytes.length;
        this.head = "HEAD".equals(method);
    }

    /** @return the encoded request, the same instance on every call; never modify it */
    public Buffer buffer() {
        return buffer;
    }

    /**
     * @return a new message of the encoded request for a raw Netty write: a duplicate with its own indices that
     *         holds one reference to the template's bytes, released by the channel once written (no copy)
     */
    public ByteBuf newWriteMessage() {
        return bytes.retainedDuplicate();
    }

    /** @return the size of the encoded request in bytes */
    public int byteCount() {
        return byteCount;
    }

    /** @return whether the method is HEAD, so the response has no body */
    public boolean isHead() {
        return head;
    }

    private static void validate(String method, String host, String pathAndQuery, Map<String, String> headers,
            String contentType) {
        if (method == null || method.isEmpty() || !method.chars().allMatch(Ascii::isTchar)) {
            throw new IllegalArgumentException("method: \"" + method + "\" is not a token");
        }
        requireValue("host", host);
        if (host.isEmpty() || host.chars().anyMatch(c -> c == ' ')) {
            throw new IllegalArgumentException("host: \"" + host + "\" must be non-empty without spaces");
        }
        if (pathAndQuery == null || !pathAndQuery.startsWith("/")
                || pathAndQuery.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            throw new IllegalArgumentException("pathAndQuery: \"" + pathAndQuery
                    + "\" must start with '/' and contain only visible US-ASCII (no spaces, CR or LF)");
        }
        headers.forEach((name, value) -> {
            if (name == null || name.isEmpty() || !name.chars().allMatch(Ascii::isTchar)) {
                throw new IllegalArgumentException("headers: name \"" + name + "\" is not a token");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("content-length") || lower.equals("transfer-encoding")) {
                throw new IllegalArgumentException("headers: " + name + " is computed from the body; remove it");
            }
            requireValue("headers[" + name + "]", value);
        });
        if (contentType != null) {
            requireValue("contentType", contentType);
        }
    }

    /** A field value: not null, ISO-8859-1, no control characters but HT (so no CR or LF). */
    private static void requireValue(String part, String value) {
        if (value == null) {
            throw new IllegalArgumentException(part + ": value must not be null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c == 0x7f || c > 0xff) {
                throw new IllegalArgumentException(part + ": value has an invalid character (CR, LF, a control"
                        + " character or beyond ISO-8859-1) at index " + i);
            }
        }
    }

    private static boolean containsName(Map<String, String> headers, String name) {
        return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
    }

    private static void writeHeader(ByteArrayOutputStream out, String name, String value) {
        write(out, name + ": " + value);
    }

    private static void write(ByteArrayOutputStream out, String line) {
        out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(CRLF);
    }
}
