package io.mockpg.internal.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The outbound buffer is refilled only once the channel has let go of it. */
class OutboundTest {

    /** Stands in for a socket that writes everything at once: records the bytes, releases the buffer. */
    private static final class WrittenAtOnce extends ChannelOutboundHandlerAdapter {
        final List<String> written = new ArrayList<>();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            ByteBuf buf = (ByteBuf) msg;
            written.add(buf.toString(StandardCharsets.US_ASCII));
            buf.release();
            promise.trySuccess();
        }
    }

    private static ChannelHandlerContext lastContext(EmbeddedChannel channel) {
        channel.pipeline().addLast("session", new ChannelDuplexHandler());
        return channel.pipeline().context("session");
    }

    /** Writes one answer batch and flushes it; returns the buffer it was written to. */
    private static ByteBuf batch(Outbound out, String content) {
        ByteBuf buffer = out.buf().writeBytes(content.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return buffer;
    }

    @Test
    void aBatchWrittenOutAtOnceLeavesItsBufferForTheNext() {
        WrittenAtOnce socket = new WrittenAtOnce();
        EmbeddedChannel channel = new EmbeddedChannel(socket);
        Outbound out = new Outbound(lastContext(channel));
        ByteBuf first = batch(out, "first");
        ByteBuf second = batch(out, "second");
        assertSame(first, second);
        assertEquals(List.of("first", "second"), socket.written);
        out.discard();
        assertEquals(0, first.refCnt());
        assertFalse(channel.finish());
    }

    @Test
    void aBatchTheChannelStillHoldsIsNotRefilled() {
        // EmbeddedChannel keeps what it is given until it is read, as a socket with a full
        // send buffer keeps what it has not written yet
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
        Outbound out = new Outbound(lastContext(channel));
        ByteBuf first = batch(out, "first");
        ByteBuf second = batch(out, "second");
        assertNotSame(first, second);
        ByteBuf sentFirst = channel.readOutbound();
        ByteBuf sentSecond = channel.readOutbound();
        assertEquals("first", sentFirst.toString(StandardCharsets.US_ASCII));
        assertEquals("second", sentSecond.toString(StandardCharsets.US_ASCII));
        sentFirst.release();
        sentSecond.release();
        out.discard();
        assertEquals(0, first.refCnt());
        assertEquals(0, second.refCnt());
        assertFalse(channel.finish());
    }

    @Test
    void nothingIsKeptOnceTheConnectionIsGoingAway() {
        WrittenAtOnce socket = new WrittenAtOnce();
        EmbeddedChannel channel = new EmbeddedChannel(socket);
        Outbound out = new Outbound(lastContext(channel));
        out.discard();
        ByteBuf late = batch(out, "late");
        assertEquals(0, late.refCnt());
        assertFalse(channel.finish());
    }
}
