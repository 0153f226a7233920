package dev.onrush.core.internal.engine;

import dev.onrush.core.model.Target;
import dev.onrush.spi.ErrorKind;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.SocketAddress;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One shard's HTTP/1.1 connections: idle ones (reused last-in first-out, so hot connections stay hot), ones
 * being opened, and the sessions waiting for one. At most {@code maxConnections} are open or opening; a
 * waiting session gets the next connection released or opened, first come first served. Confined to the
 * shard's event loop.
 */
final class Http1Pool {

    private final Shard shard;
    private final NetClient client;
    private final SocketAddress address;
    private final String serverName;
    private final int maxConnections;
    private final int maxQueue;
    private final ArrayDeque<Http1Connection> idle = new ArrayDeque<>();
    private final List<Http1Connection> connections = new ArrayList<>();
    private final ArrayDeque<Session> waiting = new ArrayDeque<>();
    private int opening;

    Http1Pool(Shard shard, Vertx vertx, NetClientOptions options, Target target, int maxConnections,
              int maxQueue) {
        this.shard = shard;
        this.client = vertx.createNetClient(options);
        this.address = SocketAddress.inetSocketAddress(target.port(), target.url().getHost());
        this.serverName = target.url().getHost();
        this.maxConnections = maxConnections;
        this.maxQueue = maxQueue;
    }

    /** Whether a new open-model arrival would find no connection and no room in the wait queue. */
    boolean full() {
        return idle.isEmpty() && opening + connections.size() >= maxConnections && waiting.size() >= maxQueue;
    }

    /** Sends the current request of {@code s} on an idle connection, or queues it (opening one if allowed). */
    void acquire(Session s) {
        Http1Connection c = idle.pollLast();
        if (c != null) {
            shard.send(c, s);
            return;
        }
        waiting.addLast(s);
        openIfNeeded();
    }

    /** A connection finished its request: close it, give it to the next waiting session, or keep it idle. */
    void release(Http1Connection c, boolean keepAlive) {
        if (!keepAlive || c.closed) {
            c.close();
            return;
        }
        Session next = waiting.pollFirst();
        if (next != null) {
            shard.send(c, next);
        } else {
            idle.addLast(c);
        }
    }

    /** A connection closed (whoever closed it): forget it, and open another if sessions are waiting. */
    void onClosed(Http1Connection c) {
        connections.remove(c);
        idle.remove(c);
        openIfNeeded();
    }

    /** Fails every request that has waited longer than {@code timeoutNs} for its response, and closes its connection. */
    void sweepTimeouts(long nowNs, long timeoutNs) {
        failInFlight(nowNs, timeoutNs, ErrorKind.RESPONSE_TIMEOUT);
    }

    /**
     * Fails every request still waiting for its response as {@link ErrorKind#UNFINISHED} and closes its connection
     * (the run is over); returns how many there were.
     */
    int failUnfinished(long nowNs) {
        return failInFlight(nowNs, -1, ErrorKind.UNFINISHED);
    }

    private int failInFlight(long nowNs, long olderThanNs, ErrorKind kind) {
        int failed = 0;
        for (int i = connections.size() - 1; i >= 0; i--) {
            Http1Connection c = connections.get(i);
            Session s = c.current;
            if (s != null && nowNs - s.sentNs > olderThanNs) {
                c.current = null;
                shard.onFailure(c, s, kind);
                c.close();
                failed++;
            }
        }
        return failed;
    }

    /** Sessions waiting for a connection. */
    int waiting() {
        return waiting.size();
    }

    /**
     * The run is over: the sessions still waiting for a connection will never be sent. Each is counted as
     * {@link ErrorKind#UNFINISHED}, with the time it waited; returns how many there were.
     */
    int failWaiting() {
        int n = 0;
        for (Session s = waiting.pollFirst(); s != null; s = waiting.pollFirst()) {
            shard.onNotSent(s, ErrorKind.UNFINISHED);
            n++;
        }
        return n;
    }

    /** Closes every connection and the client. */
    void close() {
        for (Http1Connection c : new ArrayList<>(connections)) {
            c.current = null;
            c.close();
        }
        client.close();
    }

    private void openIfNeeded() {
        if (!waiting.isEmpty() && opening + connections.size() < maxConnections) {
            open();
        }
    }

    private void open() {
        opening++;
        client.connect(address, serverName).onComplete(ar -> {
            opening--;
            if (ar.succeeded()) {
                Http1Connection c = new Http1Connection(shard, this, ar.result());
                connections.add(c);
                if (waiting.isEmpty()) {
                    idle.addLast(c);
                } else {
                    shard.send(c, waiting.pollFirst());
                }
            } else {
                ErrorKind kind = ErrorClassifier.connectFailure(ar.cause());
                // with no connection open, nothing the waiting sessions queued for will come: each fails now, as
                // it would have on a connection of its own; otherwise one fails per failed attempt
                int fail = connections.isEmpty() ? waiting.size() : 1;
                for (int i = 0; i < fail && !waiting.isEmpty(); i++) {
                    shard.onNotSent(waiting.pollFirst(), kind);
                }
                openIfNeeded();
            }
        });
    }
}
