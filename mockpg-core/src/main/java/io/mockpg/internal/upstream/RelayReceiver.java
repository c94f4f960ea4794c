package io.mockpg.internal.upstream;

import io.netty.buffer.ByteBuf;

/**
 * Takes what an upstream session's server sends, as it is read from the socket (for relaying):
 * any number of messages, the first and the last possibly cut by the read's bounds
 * ({@link MessageSplitter} finds them).
 */
public interface RelayReceiver {
    /** One read; the receiver owns and must release it. Called on the session's event loop. */
    void received(ByteBuf data);

    /** The end of one read from the socket: the moment to flush what was relayed. */
    void readComplete();

    /** The session ended: {@code cause} is null after a clean close, else why it broke. */
    void closed(Throwable cause);
}
