package dev.onrush.core.model;

/** The HTTP protocol version to speak to the target. */
public enum HttpVersion {
    /** HTTP/1.1 with keep-alive, one request in flight per connection (the lean fast path). */
    HTTP_1_1,
    /** HTTP/2 (through Vert.x {@code HttpClient}; h2c on plain connections, ALPN with TLS). */
    HTTP_2
}
