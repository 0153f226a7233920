package dev.onrush.core.model;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The system under test and how to connect to it.
 *
 * @param url                  base URL, {@code http} or {@code https}, with a host; its path is a prefix for
 *                             every request path
 * @param timeout              a request that has no complete response this long after it was sent fails as
 *                             {@code response_timeout}
 * @param connectTimeout       a connection not established this long fails as {@code connect_timeout}; it bounds the
 *                             TCP connect and the TLS handshake each, and on HTTP/2 also a request's wait for a
 *                             connection or stream
 * @param maxConnections       connections open at once over all event loops (never fewer than one per loop)
 * @param maxQueue             open model: arrivals that may wait for a free connection, over all event loops;
 *                             an arrival beyond it is dropped and counted
 * @param httpVersion          HTTP/1.1 (lean fast path) or HTTP/2
 * @param trustAllCertificates accept any TLS certificate (explicit opt-in for self-signed test targets)
 */
public record Target(URI url, Duration timeout, Duration connectTimeout, int maxConnections, int maxQueue,
                     HttpVersion httpVersion, boolean trustAllCertificates) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_CONNECTIONS = 100;
    public static final int DEFAULT_MAX_QUEUE = 10_000;

    public Target {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(httpVersion, "httpVersion");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("url: \"" + url + "\" must start with http:// or https://");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("url: \"" + url + "\" has no host");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be > 0, got " + timeout);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be > 0, got " + connectTimeout);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be >= 1, got " + maxConnections);
        }
        if (maxQueue < 0) {
            throw new IllegalArgumentException("maxQueue must be >= 0, got " + maxQueue);
        }
    }

    /** A target with every default: 30 s timeout, 5 s connect timeout, 100 connections, HTTP/1.1. */
    public static Target of(String url) {
        return new Target(URI.create(url), DEFAULT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_CONNECTIONS,
                DEFAULT_MAX_QUEUE, HttpVersion.HTTP_1_1, false);
    }

    /** Whether the URL is {@code https}. */
    public boolean tls() {
        return url.getScheme().equalsIgnoreCase("https");
    }

    /** The port, defaulted from the scheme. */
    public int port() {
        return url.getPort() > 0 ? url.getPort() : tls() ? 443 : 80;
    }

    /** The URL's path without trailing slashes ({@code ""} for none): the prefix of every request path. */
    public String basePath() {
        String p = url.getRawPath() == null ? "" : url.getRawPath();
        int end = p.length();
        while (end > 0 && p.charAt(end - 1) == '/') {
            end--;
        }
        return p.substring(0, end);
    }

    /** This target with another URL. */
    public Target withUrl(URI newUrl) {
        return new Target(newUrl, timeout, connectTimeout, maxConnections, maxQueue, httpVersion,
                trustAllCertificates);
    }

    /** This target with another request timeout. */
    public Target withTimeout(Duration newTimeout) {
        return new Target(url, newTimeout, connectTimeout, maxConnections, maxQueue, httpVersion,
                trustAllCertificates);
    }

    /** This target with another connection limit. */
    public Target withMaxConnections(int n) {
        return new Target(url, timeout, connectTimeout, n, maxQueue, httpVersion, trustAllCertificates);
    }

    /** This target with another wait-queue limit. */
    public Target withMaxQueue(int n) {
        return new Target(url, timeout, connectTimeout, maxConnections, n, httpVersion, trustAllCertificates);
    }
}
