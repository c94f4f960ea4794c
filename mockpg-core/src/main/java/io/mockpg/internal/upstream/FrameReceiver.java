package io.mockpg.internal.upstream;

import io.netty.buffer.ByteBuf;

/** Takes the messages of an upstream session as they arrive, each as its whole frame (for relaying). */
public interface FrameReceiver {
    /** One message, header included; the receiver owns and must release it. Called on the session's event loop. */
    void frame(ByteBuf frame);

    /** The end of one read from the socket: the moment to flush what was relayed. */
    void readComplete();

    /** The session ended: {@code cause} is null after a clean close, else why it broke. */
    void closed(Throwable cause);
}
