package dev.onrush.core.internal.engine;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.NetSocketInternal;

/**
 * The one place the engine reaches past Vert.x's public API, so that moving to another Vert.x major is a change
 * to this class alone. Every method is a thin cast onto an internal type of Vert.x 4.5 (pinned by the Quarkus BOM):
 * {@code VertxInternal}, {@code ContextInternal} and {@code NetSocketInternal}.
 *
 * <p>Why the engine needs them: a context made explicitly on a chosen event loop (the public
 * {@code getOrCreateContext()} is sticky to the calling thread, which would put every shard on one loop); running
 * a task inside a context <em>now</em> on its own thread (a Netty-scheduled task has no Vert.x context, and a
 * connection opened from it would be bound to another loop); and the lean HTTP/1.1 path's raw Netty messages,
 * read and written without a Vert.x {@code Buffer} or future per request.
 *
 * <p>Threading: the methods are as thread-safe as the Vert.x methods they call; {@link #dispatch} and the socket
 * methods must run on the context's (the socket's) event loop. Allocation: none of their own.
 */
final class VertxInternals {

    private VertxInternals() {
    }

    /** A new event-loop context on {@code loop}, with the calling thread's context class loader. */
    static Context newEventLoopContext(Vertx vertx, EventLoop loop) {
        return ((VertxInternal) vertx).createEventLoopContext(loop, null,
                Thread.currentThread().getContextClassLoader());
    }

    /** The Netty event loop that runs {@code context}'s tasks. */
    static EventLoop nettyEventLoop(Context context) {
        return ((ContextInternal) context).nettyEventLoop();
    }

    /** Runs {@code task} now, on the calling thread (which must be the context's loop), inside {@code context}. */
    static void dispatch(Context context, Runnable task) {
        ((ContextInternal) context).dispatch(task);
    }

    /**
     * Hands every message Netty reads on {@code socket} (a {@code ByteBuf}, to be released by the handler) to
     * {@code handler}, bypassing Vert.x's copy into a {@code Buffer}.
     */
    static void messageHandler(NetSocket socket, Handler<Object> handler) {
        ((NetSocketInternal) socket).messageHandler(handler);
    }

    /** Writes a Netty message ({@code ByteBuf}, released by the channel once written) with no future. */
    static void writeMessage(NetSocket socket, Object message) {
        ((NetSocketInternal) socket).writeMessage(message, null);
    }

    /** The socket channel's buffer allocator (pooled, direct by default). */
    static ByteBufAllocator alloc(NetSocket socket) {
        return ((NetSocketInternal) socket).channelHandlerContext().alloc();
    }
}
