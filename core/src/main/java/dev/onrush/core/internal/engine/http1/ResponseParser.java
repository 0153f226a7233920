package dev.onrush.core.internal.engine.http1;

import static dev.onrush.core.internal.engine.http1.Ascii.CR;
import static dev.onrush.core.internal.engine.http1.Ascii.LF;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;

/**
 * Incremental HTTP/1.1 response parser for one client connection with pipelining off: it frames each
 * response (status, headers, body by {@code Content-Length}, chunked coding or connection close), counts
 * the body instead of copying it, and reports status code, keep-alive, body bytes and total bytes.
 *
 * <p><b>Use:</b> call {@link #start(boolean)} when a request is written, then {@link #feed(Buffer)} every
 * buffer the socket delivers until it returns {@link #COMPLETE} or {@link #ERROR}; call {@link #onClose()}
 * if the connection closes first. Interim 1xx responses (e.g. {@code 100 Continue}) are skipped and
 * parsing continues with the final response; {@code 101 Switching Protocols} is an error.
 *
 * <p><b>Leftover bytes:</b> bytes after the end of a complete response are not consumed and are reported
 * by {@link #leftoverBytes()}. With pipelining off they belong to no request, so the caller must treat the
 * connection as broken and close it; a caller that pipelines could instead {@link #start(boolean)} and
 * {@link #feed(Buffer, int)} from {@code data.length() - leftoverBytes()}. Bytes fed while no request is in
 * flight are an {@link #ERROR}.
 *
 * <p><b>Thread:</b> confined to the event loop of its connection, not thread-safe. <b>Allocation:</b> none
 * after construction on the success path; only {@link #errorMessage()} is built on failure. Sizes are in
 * bytes. Failures are reported as {@link #ERROR}, never thrown.
 */
public final class ResponseParser {

    /** The response is incomplete: feed more bytes. */
    public static final int NEED_MORE = 0;
    /** The response is complete; its properties are readable. */
    public static final int COMPLETE = 1;
    /** The bytes are not a valid response; see {@link #errorMessage()}. The connection must be closed. */
    public static final int ERROR = 2;

    /** Default limit of a response head and of a trailer section, in bytes. */
    public static final int DEFAULT_MAX_HEAD_BYTES = 64 * 1024;

    private static final int IDLE = 0;
    private static final int HEAD = 1;
    private static final int BODY_LENGTH = 2;
    private static final int BODY_UNTIL_CLOSE = 3;
    private static final int CHUNK_SIZE = 4;
    private static final int CHUNK_SIZE_LF = 5;
    private static final int CHUNK_EXTENSION = 6;
    private static final int CHUNK_DATA = 7;
    private static final int CHUNK_DATA_CR = 8;
    private static final int CHUNK_DATA_LF = 9;
    private static final int TRAILERS = 10;
    private static final int DONE = 11;
    private static final int FAILED = 12;

    /** 15 hex digits keep the chunk size far below {@code Long.MAX_VALUE}. */
    private static final int MAX_CHUNK_SIZE_DIGITS = 15;

    private final int maxHeadBytes;
    private final ResponseHeadParser head;
    /** Bytes of head or chunk framing copied out of a Buffer in one call. */
    private final byte[] scratch = new byte[512];

    private int state = IDLE;
    private boolean headRequest;
    private int statusCode;
    private boolean keepAlive;
    private long bodyBytes;
    private long bytesRead;
    private int leftoverBytes;
    private String errorMessage;

    private long remaining;
    private int sizeDigits;
    private boolean sizeEnded;
    private int lineBytes;
    private boolean emptyTrailerLine;

    /** Creates a parser with a {@value #DEFAULT_MAX_HEAD_BYTES}-byte head limit. */
    public ResponseParser() {
        this(DEFAULT_MAX_HEAD_BYTES);
    }

    /**
     * @param maxHeadBytes limit of the status line plus headers of one response, and of a chunk-size line
     *                     or trailer section, in bytes; exceeding it is an {@link #ERROR}
     * @throws IllegalArgumentException if {@code maxHeadBytes} is not positive
     */
    public ResponseParser(int maxHeadBytes) {
        if (maxHeadBytes <= 0) {
            throw new IllegalArgumentException("maxHeadBytes must be positive but was " + maxHeadBytes);
        }
        this.maxHeadBytes = maxHeadBytes;
        this.head = new ResponseHeadParser(maxHeadBytes);
    }

    /**
     * Prepares for the response to a request that was just written, forgetting the previous response.
     *
     * @param headRequest whether the request was HEAD, whose response has no body whatever its headers say
     */
    public void start(boolean headRequest) {
        this.headRequest = headRequest;
        state = HEAD;
        head.reset();
        statusCode = 0;
        keepAlive = false;
        bodyBytes = 0;
        bytesRead = 0;
        leftoverBytes = 0;
        errorMessage = null;
    }

    /** Same as {@link #feed(Buffer, int) feed(data, 0)}. */
    public int feed(Buffer data) {
        return feed(data, 0);
    }

    /**
     * Consumes the bytes of {@code data} from index {@code from}, up to the end of the response.
     *
     * @return {@link #NEED_MORE}, {@link #COMPLETE} (then {@link #leftoverBytes()} tells how many bytes of
     *         {@code data} were not consumed) or {@link #ERROR}; once COMPLETE or ERROR, further calls return
     *         ERROR until the next {@link #start(boolean)}
     */
    public int feed(Buffer data, int from) {
        return feed(data.getByteBuf(), from);
    }

    /**
     * Consumes the readable bytes of {@code data} (from its reader index + {@code from}), up to the end of the
     * response, without moving its indices or releasing it: the engine's path for raw Netty reads.
     *
     * @return as {@link #feed(Buffer, int)}
     */
    public int feed(ByteBuf data, int from) {
        int base = data.readerIndex();
        int end = data.readableBytes();
        if (state == IDLE || state == DONE) {
            return fail((end - from) + " unexpected bytes while no response is expected");
        }
        if (state == FAILED) {
            return ERROR;
        }
        int i = from;
        while (i < end && state != DONE && state != FAILED) {
            if (state == BODY_LENGTH || state == CHUNK_DATA) {
                int n = (int) Math.min(remaining, end - i);
                i += n;
                remaining -= n;
                bodyBytes += n;
                if (remaining == 0) {
                    state = state == BODY_LENGTH ? DONE : CHUNK_DATA_CR;
                }
            } else if (state == BODY_UNTIL_CLOSE) {
                bodyBytes += end - i;
                i = end;
            } else {
                // head and chunk framing go byte by byte: copy a run into the scratch array first, since a
                // getByte per byte costs an index and reference-count check each
                int n = Math.min(end - i, scratch.length);
                data.getBytes(base + i, scratch, 0, n);
                int k = 0;
                while (k < n && (state == HEAD || isChunkFraming())) {
                    if (state == HEAD) {
                        k = head.skipUninterpreted(scratch, k, n);
                        if (k == n) {
                            break;
                        }
                        int result = head.accept(scratch[k++]);
                        if (result == ResponseHeadParser.COMPLETE) {
                            headComplete();
                        } else if (result == ResponseHeadParser.ERROR) {
                            fail(head.errorMessage());
                        }
                    } else {
                        chunkFraming(scratch[k++]);
                    }
                }
                i += k;
            }
        }
        bytesRead += i - from;
        if (state == DONE) {
            leftoverBytes = end - i;
            return COMPLETE;
        }
        return state == FAILED ? ERROR : NEED_MORE;
    }

    /**
     * Tells the parser that the connection closed.
     *
     * @return true if this close completed a response read until close (no Content-Length, not chunked,
     *         body allowed); then its properties are readable. False if a response was incomplete (the caller
     *         records a reset; {@link #errorMessage()} says so) or none was expected.
     */
    public boolean onClose() {
        if (state == BODY_UNTIL_CLOSE) {
            state = DONE;
            return true;
        }
        if (state != IDLE && state != DONE && state != FAILED) {
            fail("connection closed before the response was complete");
        }
        return false;
    }

    /** @return the status code of the final response; valid once the head was read */
    public int statusCode() {
        return statusCode;
    }

    /**
     * @return whether the connection may carry the next request: false on {@code Connection: close}, on
     *         HTTP/1.0 without {@code Connection: keep-alive}, and for bodies read until close. Does not
     *         consider {@link #leftoverBytes()}.
     */
    public boolean keepAlive() {
        return keepAlive;
    }

    /** @return body bytes of the final response so far (chunk data only, without chunk framing) */
    public long bodyBytes() {
        return bodyBytes;
    }

    /** @return bytes consumed for this response so far, interim responses, head, framing and body included */
    public long bytesRead() {
        return bytesRead;
    }

    /** @return bytes of the last fed buffer after the end of the complete response; 0 when none */
    public int leftoverBytes() {
        return leftoverBytes;
    }

    /** @return why parsing failed, or null when it did not */
    public String errorMessage() {
        return errorMessage;
    }

    private void headComplete() {
        int status = head.statusCode();
        if (status < 200) {
            if (status == 101) {
                fail("101 Switching Protocols is not supported");
            } else {
                head.reset(); // interim response: the final one follows
            }
            return;
        }
        statusCode = status;
        keepAlive = head.keepAlive();
        if (headRequest || status == 204 || status == 304) {
            state = DONE;
        } else if (head.chunked()) {
            startChunkSize();
        } else if (!head.hasTransferEncoding() && head.contentLength() >= 0) {
            remaining = head.contentLength();
            state = remaining == 0 ? DONE : BODY_LENGTH;
        } else {
            keepAlive = false; // RFC 9112 section 6.3: the body ends when the connection closes
            state = BODY_UNTIL_CLOSE;
        }
    }

    private void chunkFraming(byte b) {
        if (++lineBytes > maxHeadBytes) {
            fail(state == TRAILERS ? "trailer section exceeds " + maxHeadBytes + " bytes"
                    : "chunk-size line exceeds " + maxHeadBytes + " bytes");
            return;
        }
        switch (state) {
            case CHUNK_SIZE -> chunkSize(b);
            case CHUNK_SIZE_LF -> {
                if (b == LF) {
                    chunkSizeLineEnded();
                } else {
                    fail("CR not followed by LF after a chunk size");
                }
            }
            case CHUNK_EXTENSION -> {
                if (b == LF) {
                    chunkSizeLineEnded();
                }
            }
            case CHUNK_DATA_CR -> {
                if (b == CR) {
                    state = CHUNK_DATA_LF;
                } else if (b == LF) {
                    startChunkSize();
                } else {
                    fail("missing CRLF after chunk data");
                }
            }
            case CHUNK_DATA_LF -> {
                if (b == LF) {
                    startChunkSize();
                } else {
                    fail("missing CRLF after chunk data");
                }
            }
            case TRAILERS -> trailer(b);
            default -> fail("internal: unexpected state " + state);
        }
    }

    private void chunkSize(byte b) {
        int digit = Ascii.hexValue(b);
        if (digit >= 0 && !sizeEnded) {
            if (++sizeDigits > MAX_CHUNK_SIZE_DIGITS) {
                fail("chunk size too large");
                return;
            }
            remaining = (remaining << 4) | digit;
        } else if (b == ' ' || b == '\t') {
            sizeEnded = true;
        } else if (b == ';') {
            state = CHUNK_EXTENSION;
        } else if (b == CR) {
            state = CHUNK_SIZE_LF;
        } else if (b == LF) {
            chunkSizeLineEnded();
        } else {
            fail("invalid chunk size");
        }
    }

    private void chunkSizeLineEnded() {
        if (sizeDigits == 0) {
            fail("invalid chunk size: no hex digits");
            return;
        }
        lineBytes = 0;
        state = remaining == 0 ? TRAILERS : CHUNK_DATA;
    }

    /** Skips trailer fields; the section ends with an empty line. */
    private void trailer(byte b) {
        if (b == LF) {
            if (emptyTrailerLine) {
                state = DONE;
            }
            emptyTrailerLine = true;
        } else if (b != CR) {
            emptyTrailerLine = false;
        }
    }

    private void startChunkSize() {
        state = CHUNK_SIZE;
        remaining = 0;
        sizeDigits = 0;
        sizeEnded = false;
        lineBytes = 0;
        emptyTrailerLine = true;
    }

    private boolean isChunkFraming() {
        return state == CHUNK_SIZE || state == CHUNK_SIZE_LF || state == CHUNK_EXTENSION || state == CHUNK_DATA_CR
                || state == CHUNK_DATA_LF || state == TRAILERS;
    }

    private int fail(String message) {
        errorMessage = message;
        state = FAILED;
        return ERROR;
    }
}
