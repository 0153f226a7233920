package dev.onrush.core.internal.engine.http1;

/** Byte classes of HTTP/1.1 (RFC 9110 section 5.6.2). Stateless. */
final class Ascii {

    static final byte CR = '\r';
    static final byte LF = '\n';

    private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";
    /** Indexed by the unsigned byte: this runs for every byte of every header name, so no search. */
    private static final boolean[] TCHAR = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) {
            TCHAR[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || (c > ' ' && TCHAR_SYMBOLS.indexOf(c) >= 0);
        }
    }

    private Ascii() {
    }

    /** @return whether {@code c} may appear in a token (method, header name); false for non-ASCII */
    static boolean isTchar(int c) {
        return c >= 0 && c < 128 && TCHAR[c];
    }

    static byte toLower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }

    /** @return the value of a hex digit, or -1 */
    static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
