package io.mockpg.internal.server;

import io.netty.handler.codec.DecoderException;

import javax.net.ssl.SSLException;
import java.io.IOException;

/**
 * Tells a client going away (connection reset, broken pipe, a TLS peer closing abruptly) from
 * a failure of the server: the first is logged at DEBUG, the second at WARN.
 */
final class ClientDisconnects {
    private ClientDisconnects() {
    }

    static boolean isDisconnect(Throwable cause) {
        Throwable t = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        // socket errors of the transports: NIO's IOException, epoll's NativeIoException
        if (t instanceof SSLException) {
            return isPeerGone(t);
        }
        return t instanceof IOException; // NIO's IOException, epoll's NativeIoException, ClosedChannelException
    }

    private static boolean isPeerGone(Throwable t) {
        String message = String.valueOf(t.getMessage());
        return message.contains("closed") || message.contains("reset") || message.contains("Broken pipe");
    }
}
