package io.mockpg.internal.upstream;

import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * Splits a stream of typed protocol messages ({@code | byte type | int32 len | body |}, in
 * either direction) into one buffer per message, header included, so that a message can be
 * both forwarded unchanged and decoded. A length below 4 or above the maximum fails the
 * channel with a {@link io.netty.handler.codec.CorruptedFrameException} or
 * {@link io.netty.handler.codec.TooLongFrameException}.
 */
public final class MessageFramer extends LengthFieldBasedFrameDecoder {
    /** PostgreSQL's own limit on a message (MaxAllocSize, 1 GB). */
    public static final int MAX_MESSAGE = 0x3fffffff;

    public MessageFramer() {
        this(MAX_MESSAGE);
    }

    public MessageFramer(int maxMessage) {
        // length at offset 1, 4 bytes, counting itself but not the type byte
        super(maxMessage, 1, 4, -4, 0, true);
    }
}
