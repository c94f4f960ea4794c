package io.mockpg.internal.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;

/**
 * Finds the typed protocol messages ({@code | byte type | int32 len | body |}, in either
 * direction) in a stream of reads without taking the reads apart, so that a proxy can forward
 * each read as it came, in one write, and still look at every message. A message cut by the end
 * of a read is copied aside until the rest arrives; nothing else is copied. One per direction
 * of a connection, used on its event loop; {@link #release} when the connection ends.
 */
public final class MessageSplitter {
    /** Takes the messages one by one. */
    public interface Visitor {
        /**
         * One whole message, header included, readable only during the call (not retained).
         *
         * @return false to stop at this message: it and what follows are not to be forwarded
         */
        boolean message(ByteBuf frame);
    }

    private static final int HEADER = 5;

    private final int maxMessage;
    /** The beginning of a message the last read cut, or null. */
    private ByteBuf partial;

    public MessageSplitter() {
        this(MessageFramer.MAX_MESSAGE);
    }

    public MessageSplitter(int maxMessage) {
        this.maxMessage = maxMessage;
    }

    /**
     * Hands every message that {@code data} completes to the visitor, in order, leaving
     * {@code data}'s indexes as they are.
     *
     * @return how many of {@code data}'s readable bytes may be forwarded: all of them, or when
     *         the visitor stopped, those before the message it stopped at
     * @throws CorruptedFrameException when a length is below 4
     * @throws TooLongFrameException   when a length is above the maximum
     */
    public int split(ByteBuf data, Visitor visitor) {
        int start = data.readerIndex();
        int end = data.writerIndex();
        int at = start;
        if (partial != null) {
            at = complete(data, at, end);
            if (partial.readableBytes() < HEADER || partial.readableBytes() < 1 + partial.getInt(partial.readerIndex() + 1)) {
                return end - start; // still incomplete: every byte of this read goes on
            }
            ByteBuf whole = partial;
            partial = null;
            try {
                if (!visitor.message(whole)) {
                    return 0;
                }
            } finally {
                whole.release();
            }
        }
        while (at < end) {
            if (end - at < HEADER) {
                keep(data, at, end);
                break;
            }
            int frameLength = 1 + checkedLength(data.getInt(at + 1));
            if (end - at < frameLength) {
                keep(data, at, end);
                break;
            }
            if (!visitor.message(data.slice(at, frameLength))) {
                return at - start;
            }
            at += frameLength;
        }
        return end - start;
    }

    /** Appends to {@link #partial} what {@code data} holds of its message; returns where that stops. */
    private int complete(ByteBuf data, int at, int end) {
        if (partial.readableBytes() < HEADER) {
            int header = Math.min(HEADER - partial.readableBytes(), end - at);
            partial.writeBytes(data, at, header);
            at += header;
            if (partial.readableBytes() < HEADER) {
                return at;
            }
        }
        int frameLength = 1 + checkedLength(partial.getInt(partial.readerIndex() + 1));
        int missing = Math.min(frameLength - partial.readableBytes(), end - at);
        partial.ensureWritable(frameLength - partial.readableBytes());
        partial.writeBytes(data, at, missing);
        return at + missing;
    }

    private void keep(ByteBuf data, int at, int end) {
        partial = ByteBufAllocator.DEFAULT.heapBuffer(Math.max(256, end - at));
        partial.writeBytes(data, at, end - at);
    }

    private int checkedLength(int length) {
        if (length < 4) {
            throw new CorruptedFrameException("invalid message length " + length);
        }
        if (length > maxMessage) {
            throw new TooLongFrameException("message length " + length + " exceeds " + maxMessage);
        }
        return length;
    }

    /** Whether the last read ended inside a message. */
    public boolean holdsPartial() {
        return partial != null;
    }

    /** Drops a message still incomplete. */
    public void release() {
        if (partial != null) {
            partial.release();
            partial = null;
        }
    }
}
