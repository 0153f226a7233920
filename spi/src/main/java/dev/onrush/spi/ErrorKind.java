package dev.onrush.spi;

import java.util.Locale;

/** Why a request failed. HTTP statuses of 400 and above count as errors too, by class. */
public enum ErrorKind {
    /** The target answered with a 4xx status. */
    HTTP_4XX,
    /** The target answered with a 5xx status. */
    HTTP_5XX,
    /** The TCP connection was refused (nothing listens on the port). */
    CONNECT_REFUSED,
    /** The TCP connection was not established within the connect timeout. */
    CONNECT_TIMEOUT,
    /** No complete response arrived within the request timeout after the request was sent. */
    RESPONSE_TIMEOUT,
    /** The connection was reset or closed by the target before the response was complete. */
    RESET,
    /** The TLS handshake or TLS session failed. */
    TLS,
    /** The response could not be parsed as HTTP. */
    PROTOCOL,
    /**
     * No answer had come when the run ended (after its grace period for in-flight requests), or the request was
     * still waiting for a connection: counted with the time waited so far as its latency, never left out.
     */
    UNFINISHED,
    /** Anything else. */
    OTHER;

    /** The lower-case key used in results, e.g. {@code connect_refused}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
