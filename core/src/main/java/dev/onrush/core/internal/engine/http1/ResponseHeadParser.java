package dev.onrush.core.internal.engine.http1;

import static dev.onrush.core.internal.engine.http1.Ascii.CR;
import static dev.onrush.core.internal.engine.http1.Ascii.LF;

import java.nio.charset.StandardCharsets;

/**
 * Parses one response head (status line and header section) byte by byte and keeps only what framing
 * needs: version, status code, {@code Content-Length}, {@code Transfer-Encoding} and {@code Connection}.
 *
 * <p>Line endings are CRLF; a bare LF is accepted (RFC 9112 section 2.2), a CR not followed by LF is an
 * error, and so is obsolete line folding. Thread: confined to its parser's event loop, not thread-safe.
 * Allocation-free after construction except for the error message.
 */
final class ResponseHeadParser {

    static final int IN_PROGRESS = 0;
    static final int COMPLETE = 1;
    static final int ERROR = 2;

    private static final byte[] HTTP_1 = "HTTP/1.".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] NAMES = {
        "content-length".getBytes(StandardCharsets.US_ASCII),
        "transfer-encoding".getBytes(StandardCharsets.US_ASCII),
        "connection".getBytes(StandardCharsets.US_ASCII),
    };
    private static final int CONTENT_LENGTH = 0;
    private static final int TRANSFER_ENCODING = 1;
    private static final int CONNECTION = 2;
    private static final int OTHER = -1;
    private static final int ALL_NAMES = 0b111;

    private static final int S_VERSION = 0;
    private static final int S_STATUS = 1;
    private static final int S_AFTER_STATUS = 2;
    private static final int S_REASON = 3;
    private static final int S_LINE_START = 4;
    private static final int S_NAME = 5;
    private static final int S_VALUE = 6;
    private static final int S_EXPECT_LF = 7;

    private final int maxHeadBytes;
    private final TokenListMatcher chunked = new TokenListMatcher("chunked");
    private final TokenListMatcher close = new TokenListMatcher("close");
    private final TokenListMatcher keepAlive = new TokenListMatcher("keep-alive");

    private int state;
    private int headBytes;
    private int linePosition;
    private int minorVersion;
    private int statusCode;
    private long contentLength;
    private boolean transferEncoding;
    private String errorMessage;

    // current header line
    private int nameCandidates;
    private int header;
    private boolean valueStarted;
    private long number;
    private int digits;
    private boolean numberEnded;

    /** @param maxHeadBytes limit of the status line plus header section, in bytes, line endings included */
    ResponseHeadParser(int maxHeadBytes) {
        this.maxHeadBytes = maxHeadBytes;
        reset();
    }

    /** Prepares for the next head (a new response, or the final response after an interim 1xx). */
    void reset() {
        state = S_VERSION;
        headBytes = 0;
        linePosition = 0;
        minorVersion = 0;
        statusCode = 0;
        contentLength = -1;
        transferEncoding = false;
        errorMessage = null;
        header = OTHER;
        chunked.reset();
        close.reset();
        keepAlive.reset();
    }

    /**
     * Accepts the next byte of the head.
     *
     * @return {@link #IN_PROGRESS}, {@link #COMPLETE} when this byte ended the head, or {@link #ERROR}
     */
    int accept(byte b) {
        if (++headBytes > maxHeadBytes) {
            return fail("response head exceeds " + maxHeadBytes + " bytes");
        }
        switch (state) {
            case S_VERSION:
                return version(b);
            case S_STATUS:
                return status(b);
            case S_AFTER_STATUS:
                if (b == ' ') {
                    state = S_REASON;
                    return IN_PROGRESS;
                }
                return endOfLine(b, "status line: expected a space after the status code");
            case S_REASON:
                return b == CR || b == LF ? endOfLine(b, null) : IN_PROGRESS;
            case S_LINE_START:
                return lineStart(b);
            case S_NAME:
                return name(b);
            case S_VALUE:
                return value(b);
            case S_EXPECT_LF:
                return b == LF ? lineEnded() : fail("CR not followed by LF in the response head");
            default:
                return ERROR;
        }
    }

    /**
     * Consumes, from {@code buf[from..to)}, the bytes of a reason phrase or of a header value the parser does
     * not interpret (anything but Content-Length, Transfer-Encoding, Connection) in one tight loop, stopping
     * before a line end or an invalid byte, which {@link #accept} then handles. Most bytes of a typical head
     * are such bytes.
     *
     * @return the index of the first byte not consumed ({@code from} when the parser is elsewhere)
     */
    int skipUninterpreted(byte[] buf, int from, int to) {
        boolean skippable = state == S_REASON || (state == S_VALUE && header == OTHER && valueStarted);
        if (!skippable) {
            return from;
        }
        int limit = Math.min(to, from + Math.max(0, maxHeadBytes - headBytes));
        int i = from;
        while (i < limit) {
            byte b = buf[i];
            if (b < ' ' || b == 0x7f) {
                break; // CR, LF, or a control character (tab included): accept() decides
            }
            i++;
        }
        headBytes += i - from;
        return i;
    }

    int statusCode() {
        return statusCode;
    }

    /** @return whether the connection may stay open after this response, from version and Connection */
    boolean keepAlive() {
        if (close.anyMatch()) {
            return false;
        }
        return minorVersion >= 1 || keepAlive.anyMatch();
    }

    /** @return whether the final transfer coding is chunked */
    boolean chunked() {
        return transferEncoding && chunked.lastMatch();
    }

    boolean hasTransferEncoding() {
        return transferEncoding;
    }

    /** @return the Content-Length, or -1 when absent */
    long contentLength() {
        return contentLength;
    }

    String errorMessage() {
        return errorMessage;
    }

    private int version(byte b) {
        int i = linePosition++;
        if (i < HTTP_1.length) {
            return b == HTTP_1[i] ? IN_PROGRESS : fail("status line: expected \"HTTP/1.x\" at byte " + i);
        }
        if (i == HTTP_1.length) {
            if (b != '0' && b != '1') {
                return fail("status line: unsupported HTTP version 1." + (char) b);
            }
            minorVersion = b - '0';
            return IN_PROGRESS;
        }
        if (b != ' ') {
            return fail("status line: expected a space after the version");
        }
        state = S_STATUS;
        linePosition = 0;
        return IN_PROGRESS;
    }

    private int status(byte b) {
        if (b < '0' || b > '9' || (linePosition == 0 && b == '0')) {
            return fail("status line: invalid status code");
        }
        statusCode = statusCode * 10 + (b - '0');
        if (++linePosition == 3) {
            state = S_AFTER_STATUS;
        }
        return IN_PROGRESS;
    }

    private int lineStart(byte b) {
        if (b == CR || b == LF) {
            header = OTHER;
            linePosition = -1; // marks the empty line that ends the head
            return endOfLine(b, null);
        }
        if (b == ' ' || b == '\t') {
            return fail("obsolete header line folding is not supported");
        }
        if (!Ascii.isTchar(b)) {
            return fail("invalid character in a header name");
        }
        state = S_NAME;
        nameCandidates = ALL_NAMES;
        linePosition = 0;
        return name(b);
    }

    private int name(byte b) {
        if (b == ':') {
            return startValue();
        }
        if (!Ascii.isTchar(b)) {
            return fail("invalid character in a header name");
        }
        if (nameCandidates == 0) {
            linePosition++;
            return IN_PROGRESS;
        }
        byte lower = Ascii.toLower(b);
        for (int n = 0; n < NAMES.length; n++) {
            if ((nameCandidates & (1 << n)) != 0
                    && (linePosition >= NAMES[n].length || NAMES[n][linePosition] != lower)) {
                nameCandidates &= ~(1 << n);
            }
        }
        linePosition++;
        return IN_PROGRESS;
    }

    private int startValue() {
        header = OTHER;
        for (int n = 0; n < NAMES.length; n++) {
            if ((nameCandidates & (1 << n)) != 0 && NAMES[n].length == linePosition) {
                header = n;
            }
        }
        state = S_VALUE;
        valueStarted = false;
        number = 0;
        digits = 0;
        numberEnded = false;
        if (header == TRANSFER_ENCODING) {
            transferEncoding = true;
            chunked.beginValue();
        } else if (header == CONNECTION) {
            close.beginValue();
            keepAlive.beginValue();
        }
        return IN_PROGRESS;
    }

    private int value(byte b) {
        if (b == CR || b == LF) {
            return endOfLine(b, null);
        }
        if ((b < ' ' && b != '\t') || b == 0x7f) {
            return fail("invalid control character in a header value");
        }
        if (!valueStarted && (b == ' ' || b == '\t')) {
            return IN_PROGRESS;
        }
        valueStarted = true;
        switch (header) {
            case CONTENT_LENGTH:
                return contentLengthByte(b);
            case TRANSFER_ENCODING:
                chunked.accept(b);
                return IN_PROGRESS;
            case CONNECTION:
                close.accept(b);
                keepAlive.accept(b);
                return IN_PROGRESS;
            default:
                return IN_PROGRESS;
        }
    }

    private int contentLengthByte(byte b) {
        if (b == ' ' || b == '\t') {
            numberEnded = true;
            return IN_PROGRESS;
        }
        if (b < '0' || b > '9' || numberEnded) {
            return fail("invalid Content-Length");
        }
        if (number > (Long.MAX_VALUE - 9) / 10) {
            return fail("Content-Length too large");
        }
        number = number * 10 + (b - '0');
        digits++;
        return IN_PROGRESS;
    }

    /** Handles CR or LF ending a line; {@code otherwise} is the error when {@code b} is neither. */
    private int endOfLine(byte b, String otherwise) {
        if (b == CR) {
            state = S_EXPECT_LF;
            return IN_PROGRESS;
        }
        if (b == LF) {
            return lineEnded();
        }
        return fail(otherwise);
    }

    private int lineEnded() {
        if (linePosition == -1) {
            return COMPLETE;
        }
        if (header == CONTENT_LENGTH) {
            if (digits == 0) {
                return fail("invalid Content-Length: empty");
            }
            if (contentLength >= 0 && contentLength != number) {
                return fail("conflicting Content-Length values " + contentLength + " and " + number);
            }
            contentLength = number;
        } else if (header == TRANSFER_ENCODING) {
            chunked.endValue();
        } else if (header == CONNECTION) {
            close.endValue();
            keepAlive.endValue();
        }
        header = OTHER;
        state = S_LINE_START;
        return IN_PROGRESS;
    }

    private int fail(String message) {
        errorMessage = message;
        state = -1;
        return ERROR;
    }
}
