package io.mockpg.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;

/**
 * Accumulates backend messages in one buffer and hands it to the channel in large pieces:
 * an answer batch becomes one write and, at the flush points (ReadyForQuery, Flush, a
 * suspended statement), one TCP segment where it fits.
 */
final class Outbound {
    /** Past this size the buffer is written out without waiting for a flush point. */
    private static final int WRITE_THRESHOLD = 32 * 1024;

    private final ChannelHandlerContext ctx;
    private ByteBuf buffer;

    Outbound(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** The buffer to append messages to. */
    ByteBuf buf() {
        if (buffer == null) {
            buffer = ctx.alloc().ioBuffer(1024);
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
        if (out != null && out.isReadable()) {
            ctx.writeAndFlush(out, ctx.voidPromise());
            return;
        }
        if (out != null) {
            out.release();
        }
        ctx.flush();
    }

    boolean channelWritable() {
        return ctx.channel().isWritable();
    }

    /** Drops anything not yet written (the connection is going away). */
    void discard() {
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
    }
}
