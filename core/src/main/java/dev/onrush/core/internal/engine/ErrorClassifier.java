package dev.onrush.core.internal.engine;

import dev.onrush.spi.ErrorKind;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;

/** Maps a transport failure to an {@link ErrorKind}. */
final class ErrorClassifier {

    private ErrorClassifier() {
    }

    /** The kind of a failure to connect (a TLS handshake that timed out counts as a connect timeout). */
    static ErrorKind connectFailure(Throwable t) {
        Throwable cause = root(t);
        if (hasInChain(t, ConnectTimeoutException.class) || hasInChain(t, SslHandshakeTimeoutException.class)) {
            return ErrorKind.CONNECT_TIMEOUT;
        }
        if (hasInChain(t, SSLException.class)) {
            return ErrorKind.TLS;
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                || cause instanceof UnknownHostException) {
            return ErrorKind.CONNECT_REFUSED;
        }
        return transportFailure(t);
    }

    /** The kind of a failure on an established connection. */
    static ErrorKind transportFailure(Throwable t) {
        if (hasInChain(t, SSLException.class)) {
            return ErrorKind.TLS;
        }
        if (hasInChain(t, ClosedChannelException.class) || hasInChain(t, IOException.class)) {
            return ErrorKind.RESET;
        }
        return ErrorKind.OTHER;
    }

    private static boolean hasInChain(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable root(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
