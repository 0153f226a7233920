package dev.onrush.core.internal.engine;

import dev.onrush.core.model.Step;
import dev.onrush.core.model.Target;
import dev.onrush.spi.ErrorKind;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP/2 path: Vert.x {@code HttpClient} (h2c with prior knowledge on plain connections, ALPN over TLS),
 * one client per shard, its connections on the shard's loop. Costs more per request than the lean HTTP/1.1
 * path (Vert.x allocates its request, response and header objects) and is used only where that path does not
 * reach. Confined to the shard's event loop. {@code bytes_sent} on this path counts the size of the equivalent
 * HTTP/1.1 request (HPACK's compressed size is not exposed by the client); bytes received count the bodies.
 */
final class HttpClientPath {

    private final Shard shard;
    private final HttpClient client;
    /** Requests asked of the client and not yet given a stream (the client's own wait queue). */
    private int pending;
    /** The exchanges without an outcome yet, newest first (an intrusive list: nothing allocated to track them). */
    private Exchange live;

    HttpClientPath(Shard shard, Vertx vertx, Target target, int maxConnections, int maxQueue) {
        this.shard = shard;
        HttpClientOptions o = new HttpClientOptions()
                .setProtocolVersion(io.vertx.core.http.HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false)
                .setHttp2MaxPoolSize(maxConnections)
                .setMaxPoolSize(maxConnections)
                .setMaxWaitQueueSize(Math.max(1, maxQueue + 1_000_000))
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, target.connectTimeout().toMillis()))
                .setTcpNoDelay(true)
                .setKeepAlive(true)
                .setDefaultHost(target.url().getHost())
                .setDefaultPort(target.port());
        if (target.tls()) {
            o.setSsl(true).setUseAlpn(true).setTrustAll(target.trustAllCertificates())
                    .setVerifyHost(!target.trustAllCertificates())
                    .setSslHandshakeTimeout(Math.max(1, target.connectTimeout().toMillis()))
                    .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
        }
        this.client = vertx.createHttpClient(o);
    }

    /** Request options for one request step (built once per shard). */
    static RequestOptions options(Step.Request r, Target target) {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.valueOf(r.method().toUpperCase(Locale.ROOT)))
                .setHost(target.url().getHost()).setPort(target.port()).setSsl(target.tls())
                .setURI(target.basePath() + r.path())
                .setTimeout(Math.max(1, target.timeout().toMillis()))
                // a request that gets no connection (or stream) within connect_timeout fails as connect_timeout
                .setConnectTimeout(Math.max(1, target.connectTimeout().toMillis()));
        r.headers().forEach(o::putHeader);
        if (r.body() != null && r.contentType() != null && r.headers().keySet().stream()
                .noneMatch(h -> h.equalsIgnoreCase("content-type"))) {
            o.putHeader("content-type", r.contentType());
        }
        return o;
    }

    static Buffer body(Step.Request r) {
        return r.body() == null ? null : Buffer.buffer(r.body().getBytes(StandardCharsets.UTF_8));
    }

    /** Requests waiting for a stream. */
    int pending() {
        return pending;
    }

    /** Sends the current request step of {@code s}; calls back the shard exactly once with its outcome. */
    void send(Session s, RequestOptions options, Buffer body, int requestBytes) {
        pending++;
        Exchange x = new Exchange(s, requestBytes);
        client.request(options).onComplete(ar -> {
            pending--;
            if (ar.failed()) {
                x.fail(connectKind(ar.cause()));
                return;
            }
            x.sent = true;
            shard.onClientSent(s);
            var request = ar.result();
            (body == null ? request.send() : request.send(body)).onComplete(rr -> {
                if (rr.failed()) {
                    x.fail(transportKind(rr.cause()));
                    return;
                }
                HttpClientResponse response = rr.result();
                x.status = response.statusCode();
                response.handler(b -> x.received += b.length());
                response.exceptionHandler(e -> x.fail(transportKind(e)));
                response.endHandler(v -> x.complete());
            });
        });
    }

    /**
     * Fails every request without an outcome yet (waiting for a stream or for its response) as
     * {@link ErrorKind#UNFINISHED}: the run is over. Returns how many there were.
     */
    int failUnfinished() {
        int n = 0;
        while (live != null) {
            live.fail(ErrorKind.UNFINISHED);
            n++;
        }
        return n;
    }

    /** One request's outcome: whichever of end or failure comes first counts, once. */
    private final class Exchange {
        final Session session;
        final int requestBytes;
        boolean sent;
        boolean done;
        int status;
        long received;
        private Exchange previous;
        private Exchange next;

        Exchange(Session session, int requestBytes) {
            this.session = session;
            this.requestBytes = requestBytes;
            next = live;
            if (live != null) {
                live.previous = this;
            }
            live = this;
        }

        void complete() {
            if (finish()) {
                shard.onClientResponse(session, status, requestBytes, received);
            }
        }

        void fail(ErrorKind kind) {
            if (finish()) {
                shard.onClientFailure(session, kind, sent, sent ? requestBytes : 0, received);
            }
        }

        /** Marks the outcome and leaves the live list; false when it had one already. */
        private boolean finish() {
            if (done) {
                return false;
            }
            done = true;
            if (previous != null) {
                previous.next = next;
            } else {
                live = next;
            }
            if (next != null) {
                next.previous = previous;
            }
            previous = next = null;
            return true;
        }
    }

    void close() {
        client.close();
    }

    /** A failure before the request was sent: no connection or stream was had in time, or connecting failed. */
    private static ErrorKind connectKind(Throwable t) {
        return isTimeout(t) ? ErrorKind.CONNECT_TIMEOUT : ErrorClassifier.connectFailure(t);
    }

    private static ErrorKind transportKind(Throwable t) {
        return isTimeout(t) ? ErrorKind.RESPONSE_TIMEOUT : ErrorClassifier.transportFailure(t);
    }

    private static boolean isTimeout(Throwable t) {
        return t instanceof TimeoutException || t.getClass().getSimpleName().contains("TimeoutException")
                && !(t instanceof io.netty.channel.ConnectTimeoutException)
                && !(t instanceof io.netty.handler.ssl.SslHandshakeTimeoutException);
    }
}
