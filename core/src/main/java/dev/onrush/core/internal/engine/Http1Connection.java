package dev.onrush.core.internal.engine;

import dev.onrush.core.internal.engine.http1.ResponseParser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;

/**
 * One keep-alive HTTP/1.1 connection with at most one request in flight (no pipelining). Confined to its
 * shard's event loop. Handlers are installed once; the per-request path allocates nothing.
 */
final class Http1Connection {

    private final Shard shard;
    final NetSocket socket;
    final ResponseParser parser = new ResponseParser();
    /** The session whose request is in flight, or {@code null} when idle. */
    Session current;
    boolean closed;
    int requestBytes;

    Http1Connection(Shard shard, NetSocket socket) {
        this.shard = shard;
        this.socket = socket;
        socket.handler(this::onData);
        socket.exceptionHandler(this::onException);
        socket.closeHandler(this::onClose);
    }

    void send(Session session, Buffer request, int bytes, boolean head) {
        current = session;
        requestBytes = bytes;
        parser.start(head);
        socket.write(request);
    }

    private void onData(Buffer data) {
        Session s = current;
        if (s == null) {
            // bytes while idle: the server broke the protocol (or sent a late response); drop the connection
            close();
            return;
        }
        int status = parser.feed(data);
        if (status == ResponseParser.COMPLETE) {
            current = null;
            shard.onResponse(this, s, parser.statusCode(), parser.bytesRead(),
                    parser.keepAlive() && parser.leftoverBytes() == 0);
        } else if (status == ResponseParser.ERROR) {
            current = null;
            shard.onFailure(this, s, dev.onrush.spi.ErrorKind.PROTOCOL);
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
                shard.onFailure(this, s, dev.onrush.spi.ErrorKind.RESET);
            }
        }
        shard.onConnectionClosed(this);
    }

    void close() {
        if (!closed) {
            closed = true;
            socket.close();
        }
    }
}
