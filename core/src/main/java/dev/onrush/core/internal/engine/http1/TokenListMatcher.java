package dev.onrush.core.internal.engine.http1;

import java.nio.charset.StandardCharsets;

/**
 * Matches one token case-insensitively inside comma-separated header values such as
 * {@code Transfer-Encoding: gzip, chunked} or {@code Connection: keep-alive, Upgrade}, fed byte by byte.
 *
 * <p>Thread: confined to its parser's event loop, not thread-safe. Allocation-free after construction.
 */
final class TokenListMatcher {

    private final byte[] lowerCaseToken;

    /** Bytes of the current list element matched so far, or -1 once it cannot match. */
    private int matched;
    private boolean inToken;
    private boolean tokenEnded;
    private boolean anyMatch;
    private boolean lastMatch;

    /** @param token the token to look for, US-ASCII; compared case-insensitively */
    TokenListMatcher(String token) {
        this.lowerCaseToken = token.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    }

    /** Forgets every value seen: call at the start of each response head. */
    void reset() {
        anyMatch = false;
        lastMatch = false;
        startElement();
    }

    /** Starts a new header value (a new header line with this name). */
    void beginValue() {
        startElement();
    }

    /** Accepts one byte of the header value (without the line ending). */
    void accept(byte b) {
        if (b == ',') {
            endElement();
        } else if (b == ' ' || b == '\t') {
            tokenEnded = inToken;
        } else if (tokenEnded) {
            matched = -1; // "chun ked": whitespace inside an element
        } else {
            inToken = true;
            if (matched >= 0) {
                matched = matched < lowerCaseToken.length && Ascii.toLower(b) == lowerCaseToken[matched]
                        ? matched + 1 : -1;
            }
        }
    }

    /** Ends the current header value. */
    void endValue() {
        endElement();
    }

    /** @return whether any non-empty list element seen since {@link #reset()} equals the token */
    boolean anyMatch() {
        return anyMatch;
    }

    /** @return whether the last non-empty list element seen since {@link #reset()} equals the token */
    boolean lastMatch() {
        return lastMatch;
    }

    private void endElement() {
        if (inToken) {
            lastMatch = matched == lowerCaseToken.length;
            anyMatch |= lastMatch;
        }
        startElement();
    }

    private void startElement() {
        matched = 0;
        inToken = false;
        tokenEnded = false;
    }
}
