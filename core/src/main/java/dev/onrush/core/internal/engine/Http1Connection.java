package dev.onrush.core.internal.engine;

import dev.onrush.core.internal.engine.http1.RequestTemplate;
import dev.onrush.core.internal.engine.http1.ResponseParser;
import dev.onrush.spi.ErrorKind;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.net.NetSocket;

/**
 * One keep-alive HTTP/1.1 connection with at most one request in flight (no pipelining). Confined to its
 * shard's event loop. Handlers are installed once.
 *
 * <p>It talks to Netty's messages directly ({@link VertxInternals#messageHandler},
 * {@link VertxInternals#writeMessage}): reads are parsed straight from the
 * pooled buffer Netty read into and released here, skipping Vert.x's copy into a heap {@code Buffer} and its
 * inbound queue; writes pass a duplicate of the pre-encoded request with no completion future.
 */
final class Http1Connection {

    private final Shard shard;
    private final Http1Pool pool;
    private final NetSocket socket;
    final ResponseParser parser = new ResponseParser();
    /** The session whose request is in flight, or {@code null} when idle. */
    Session current;
    boolean closed;
    int requestBytes;

    Http1Connection(Shard shard, Http1Pool pool, NetSocket socket) {
        this.shard = shard;
        this.pool = pool;
        this.socket = socket;
        VertxInternals.messageHandler(socket, this::onMessage);
        this.socket.exceptionHandler(this::onException);
        this.socket.closeHandler(this::onClose);
    }

    void send(Session session, RequestTemplate request) {
        current = session;
        requestBytes = request.byteCount();
        parser.start(request.isHead());
        VertxInternals.writeMessage(socket, request.newWriteMessage());
    }

    /**
     * Writes a request encoded for this request only ({@code message} is released by the channel once written).
     *
     * @param bytes its size on the wire
     * @param head  whether it is a HEAD request (no response body)
     */
    void send(Session session, ByteBuf message, int bytes, boolean head) {
        current = session;
        requestBytes = bytes;
        parser.start(head);
        VertxInternals.writeMessage(socket, message);
    }

    /** The channel's buffer allocator (pooled, direct by default), for requests encoded per request. */
    ByteBufAllocator alloc() {
        return VertxInternals.alloc(socket);
    }

    private void onMessage(Object msg) {
        try {
            if (msg instanceof ByteBuf data) {
                onData(data);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onData(ByteBuf data) {
        Session s = current;
        if (s == null) {
            // bytes while idle: the server broke the protocol (or sent a late response); drop the connection
            close();
            return;
        }
        int status = parser.feed(data, 0);
        if (status == ResponseParser.COMPLETE) {
            current = null;
            shard.onResponse(this, s, parser.statusCode(), parser.bytesRead(),
                    parser.keepAlive() && parser.leftoverBytes() == 0);
        } else if (status == ResponseParser.ERROR) {
            current = null;
            shard.onFailure(this, s, ErrorKind.PROTOCOL);
            close();
        }
    }

    private void onException(Throwable t) {
        Session s = current;
        if (s != null) {
            current = null;
            shard.onFailure(this, s, ErrorClassifier.transportFailure(t));
        }
        close();
    }

    private void onClose(Void ignored) {
        closed = true;
        Session s = current;
        if (s != null) {
            current = null;
            if (parser.onClose()) {
                shard.onResponse(this, s, parser.statusCode(), parser.bytesRead(), false);
            } else {
                shard.onFailure(this, s, ErrorKind.RESET);
            }
        }
        pool.onClosed(this);
    }

    void close() {
        if (!closed) {
            closed = true;
            socket.close();
        }
    }
}
