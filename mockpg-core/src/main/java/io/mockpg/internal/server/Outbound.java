package io.mockpg.internal.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;

/**
 * Accumulates backend messages in one buffer and hands it to the channel in large pieces:
 * an answer batch becomes one write and, at the flush points (ReadyForQuery, Flush, a
 * suspended statement), one TCP segment where it fits.
 *
 * <p>A batch's buffer that the channel wrote out at once (the usual case) is filled again by
 * the next batch rather than given back to the pool: a pooled allocation and release per
 * batch cost more than answering {@code SELECT 1}.
 */
final class Outbound {
    /** Past this size the buffer is written out without waiting for a flush point. */
    private static final int WRITE_THRESHOLD = 32 * 1024;
    private static final int INITIAL_CAPACITY = 1024;
    /** A buffer grown past this is not kept: an idle session holds little memory. */
    private static final int MAX_KEPT_CAPACITY = 8 * 1024;

    private final ChannelHandlerContext ctx;
    /** The buffer being filled, or null. */
    private ByteBuf buffer;
    /** The last batch's buffer, written out and ours alone again, or null. */
    private ByteBuf spare;
    /** Set by {@link #discard}: the connection is going away, keep nothing. */
    private boolean discarded;

    Outbound(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** The buffer to append messages to. */
    ByteBuf buf() {
        if (buffer == null) {
            if (spare != null) {
                buffer = spare.clear();
                spare = null;
            } else {
                buffer = ctx.alloc().ioBuffer(INITIAL_CAPACITY);
            }
        }
        return buffer;
    }

    /** Writes the buffer to the channel if it has grown large. */
    void writeIfLarge() {
        if (buffer != null && buffer.readableBytes() >= WRITE_THRESHOLD) {
            write();
        }
    }

    private void write() {
        if (buffer != null) {
            ByteBuf out = buffer;
            buffer = null;
            if (out.isReadable()) {
                ctx.write(out, ctx.voidPromise());
            } else {
                out.release();
            }
        }
    }

    /** Writes and flushes in one pass down the pipeline: once per answer batch. */
    void flush() {
        ByteBuf out = buffer;
        buffer = null;
        if (out == null) {
            ctx.flush();
            return;
        }
        if (out.isReadable()) {
            // the channel releases what it is given once it is written; the reference kept
            // here tells whether that has happened by the time the call returns
            ctx.writeAndFlush(out.retain(), ctx.voidPromise());
        } else {
            ctx.flush();
        }
        keepOrRelease(out);
    }

    private void keepOrRelease(ByteBuf out) {
        if (spare == null && !discarded && out.refCnt() == 1 && out.capacity() <= MAX_KEPT_CAPACITY) {
            spare = out;
        } else {
            out.release();
        }
    }

    boolean channelWritable() {
        return ctx.channel().isWritable();
    }

    /** Drops anything not yet written (the connection is going away). */
    void discard() {
        discarded = true;
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
        if (spare != null) {
            spare.release();
            spare = null;
        }
    }
}
