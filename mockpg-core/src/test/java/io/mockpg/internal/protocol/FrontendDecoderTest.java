package io.mockpg.internal.protocol;

import io.mockpg.internal.protocol.codec.FrontendDecoder;
import io.mockpg.internal.protocol.codec.StartupDecoder;
import io.mockpg.internal.protocol.frontend.FrontendMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Byte-level decoding of frontend messages in an EmbeddedChannel, including bad and partial input. */
class FrontendDecoderTest {

    private static ByteBuf typed(char type, ByteBuf body) {
        ByteBuf out = Unpooled.buffer();
        out.writeByte(type).writeInt(4 + body.readableBytes()).writeBytes(body);
        body.release();
        return out;
    }

    /** Appends a framed message; the body and the framed copy are released. */
    private static void append(ByteBuf all, char type, ByteBuf body) {
        ByteBuf message = typed(type, body);
        all.writeBytes(message);
        message.release();
    }

    private static void cstring(ByteBuf b, String s) {
        b.writeBytes(s.getBytes(StandardCharsets.UTF_8)).writeByte(0);
    }

    private static EmbeddedChannel typedChannel() {
        return new EmbeddedChannel(new FrontendDecoder(1024 * 1024));
    }

    @Test
    void decodesQuery() {
        EmbeddedChannel channel = typedChannel();
        ByteBuf body = Unpooled.buffer();
        cstring(body, "SELECT 1");
        channel.writeInbound(typed('Q', body));
        FrontendMessage.Query query = channel.readInbound();
        assertEquals("SELECT 1", query.sql());
        assertFalse(channel.finish());
    }

    @Test
    void decodesParseBindDescribeExecuteSyncInOneBuffer() {
        ByteBuf all = Unpooled.buffer();
        ByteBuf parse = Unpooled.buffer();
        cstring(parse, "S_1");
        cstring(parse, "SELECT $1");
        parse.writeShort(1).writeInt(23);
        append(all, 'P', parse);
        ByteBuf bind = Unpooled.buffer();
        cstring(bind, "");
        cstring(bind, "S_1");
        bind.writeShort(1).writeShort(1);
        bind.writeShort(2).writeInt(4).writeInt(42).writeInt(-1);
        bind.writeShort(1).writeShort(1);
        append(all, 'B', bind);
        ByteBuf describe = Unpooled.buffer();
        describe.writeByte('P');
        cstring(describe, "");
        append(all, 'D', describe);
        ByteBuf execute = Unpooled.buffer();
        cstring(execute, "");
        execute.writeInt(10);
        append(all, 'E', execute);
        append(all, 'S', Unpooled.buffer());

        EmbeddedChannel channel = typedChannel();
        channel.writeInbound(all);
        FrontendMessage.Parse p = channel.readInbound();
        assertEquals("S_1", p.name());
        assertArrayEquals(new int[]{23}, p.paramOids());
        FrontendMessage.Bind b = channel.readInbound();
        assertEquals("S_1", b.statement());
        assertArrayEquals(new byte[]{0, 0, 0, 42}, b.values()[0]);
        assertNull(b.values()[1]);
        assertArrayEquals(new short[]{1}, b.resultFormats());
        FrontendMessage.Describe d = channel.readInbound();
        assertEquals('P', d.kind());
        FrontendMessage.Execute e = channel.readInbound();
        assertEquals(10, e.maxRows());
        assertInstanceOf(FrontendMessage.Sync.class, channel.readInbound());
        assertFalse(channel.finish());
    }

    @Test
    void waitsForPartialMessages() {
        EmbeddedChannel channel = typedChannel();
        ByteBuf body = Unpooled.buffer();
        cstring(body, "SELECT 42");
        ByteBuf whole = typed('Q', body);
        ByteBuf first = whole.readRetainedSlice(3);
        ByteBuf rest = whole.readRetainedSlice(whole.readableBytes());
        whole.release();
        channel.writeInbound(first);
        assertNull(channel.readInbound());
        channel.writeInbound(rest);
        FrontendMessage.Query query = channel.readInbound();
        assertEquals("SELECT 42", query.sql());
        assertFalse(channel.finish());
    }

    @Test
    void decodesABatchSplitAtEveryPossiblePlace() {
        ByteBuf all = Unpooled.buffer();
        ByteBuf bind = Unpooled.buffer();
        cstring(bind, "");
        cstring(bind, "P_0");
        bind.writeShort(0).writeShort(0).writeShort(0);
        append(all, 'B', bind);
        ByteBuf execute = Unpooled.buffer();
        cstring(execute, "");
        execute.writeInt(0);
        append(all, 'E', execute);
        append(all, 'S', Unpooled.buffer());
        for (int split = 1; split < all.readableBytes(); split++) {
            EmbeddedChannel channel = typedChannel();
            channel.writeInbound(all.retainedSlice(0, split));
            channel.writeInbound(all.retainedSlice(split, all.readableBytes() - split));
            FrontendMessage.Bind b = channel.readInbound();
            assertEquals("P_0", b.statement(), "split at " + split);
            FrontendMessage.Execute e = channel.readInbound();
            assertEquals("", e.portal(), "split at " + split);
            assertInstanceOf(FrontendMessage.Sync.class, channel.readInbound(), "split at " + split);
            assertNull(channel.readInbound());
            assertFalse(channel.finish());
        }
        all.release();
    }

    @Test
    void bytesOfAnUnfinishedMessageAreReleasedWhenTheChannelCloses() {
        EmbeddedChannel channel = typedChannel();
        ByteBuf partial = Unpooled.buffer().writeByte('Q').writeInt(100).writeBytes(new byte[10]);
        channel.writeInbound(partial);
        assertNull(channel.readInbound());
        assertFalse(channel.finish());
        assertEquals(0, partial.refCnt());
    }

    @Test
    void aBodyTooShortForItsFieldsDoesNotReadIntoTheNextMessage() {
        ByteBuf all = Unpooled.buffer();
        ByteBuf execute = Unpooled.buffer();
        cstring(execute, "");
        append(all, 'E', execute); // the row limit is missing
        append(all, 'S', Unpooled.buffer());
        EmbeddedChannel channel = typedChannel();
        channel.writeInbound(all);
        FrontendMessage.Malformed malformed = channel.readInbound();
        assertEquals("invalid message format", malformed.reason());
        assertNull(channel.readInbound());
        assertFalse(channel.finish());
    }

    @Test
    void oversizedMessageIsMalformedBeforeItIsBuffered() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrontendDecoder(100));
        ByteBuf header = Unpooled.buffer().writeByte('Q').writeInt(1_000_000);
        channel.writeInbound(header);
        FrontendMessage.Malformed malformed = channel.readInbound();
        assertTrue(malformed.reason().contains("exceeds the maximum"), malformed.reason());
        assertFalse(channel.finish());
    }

    @Test
    void aParameterLengthBeyondTheMessageIsMalformedWithoutAllocatingIt() {
        ByteBuf body = Unpooled.buffer();
        cstring(body, "");
        cstring(body, "");
        body.writeShort(0).writeShort(1).writeInt(2_000_000_000).writeBytes(new byte[12]).writeShort(0);
        EmbeddedChannel channel = typedChannel();
        channel.writeInbound(typed('B', body));
        assertEquals("invalid message format", ((FrontendMessage.Malformed) channel.readInbound()).reason());
        assertFalse(channel.finish());
    }

    @Test
    void countsBeyondTheMessageAreMalformed() {
        ByteBuf parse = Unpooled.buffer();
        cstring(parse, "");
        cstring(parse, "SELECT $1");
        parse.writeShort(65_535).writeInt(23); // claims 65,535 type OIDs, holds one
        ByteBuf bind = Unpooled.buffer();
        cstring(bind, "");
        cstring(bind, "");
        bind.writeShort(0).writeShort(65_535).writeInt(-1); // claims 65,535 values, holds one
        for (ByteBuf body : new ByteBuf[] {parse, bind}) {
            EmbeddedChannel channel = typedChannel();
            channel.writeInbound(typed(body == parse ? 'P' : 'B', body));
            assertEquals("invalid message format", ((FrontendMessage.Malformed) channel.readInbound()).reason());
            assertFalse(channel.finish());
        }
    }

    @Test
    void beforeLoginMessagesAreLimitedTo65535BytesWhateverTheConfiguredMaximum() {
        EmbeddedChannel channel = new EmbeddedChannel(new StartupDecoder(64 * 1024 * 1024));
        byte[] parameters = "user\0app\0\0".getBytes(StandardCharsets.UTF_8);
        ByteBuf startup = Unpooled.buffer().writeInt(8 + parameters.length).writeInt(196608).writeBytes(parameters);
        channel.writeInbound(startup);
        assertInstanceOf(FrontendMessage.StartupMessage.class, channel.readInbound());
        channel.writeInbound(Unpooled.buffer().writeByte('p').writeInt(65_540));
        FrontendMessage.Malformed malformed = channel.readInbound();
        assertEquals("message of 65540 bytes exceeds the maximum of 65535", malformed.reason());
        assertFalse(channel.finish());
    }

    @Test
    void truncatedBodyIsMalformed() {
        EmbeddedChannel channel = typedChannel();
        ByteBuf body = Unpooled.buffer();
        body.writeBytes("no terminator".getBytes(StandardCharsets.UTF_8));
        channel.writeInbound(typed('Q', body));
        assertInstanceOf(FrontendMessage.Malformed.class, channel.readInbound());
        assertFalse(channel.finish());
    }

    @Test
    void negativeLengthIsMalformed() {
        EmbeddedChannel channel = typedChannel();
        channel.writeInbound(Unpooled.buffer().writeByte('S').writeInt(2));
        assertInstanceOf(FrontendMessage.Malformed.class, channel.readInbound());
        assertFalse(channel.finish());
    }

    @Test
    void unknownTypeIsMalformed() {
        EmbeddedChannel channel = typedChannel();
        channel.writeInbound(Unpooled.buffer().writeByte('x').writeInt(4));
        FrontendMessage.Malformed malformed = channel.readInbound();
        assertEquals("invalid frontend message type 120", malformed.reason());
        assertFalse(channel.finish());
    }

    @Test
    void startupDecoderHandsOverToTypedDecoder() {
        EmbeddedChannel channel = new EmbeddedChannel(new StartupDecoder(1024));
        ByteBuf packet = Unpooled.buffer();
        ByteBuf params = Unpooled.buffer();
        cstring(params, "user");
        cstring(params, "alice");
        cstring(params, "_pq_.test_protocol_negotiation");
        cstring(params, "");
        params.writeByte(0);
        packet.writeInt(8 + params.readableBytes()).writeInt((3 << 16) | 9999).writeBytes(params);
        params.release();
        ByteBuf query = Unpooled.buffer();
        cstring(query, "SELECT 1");
        append(packet, 'Q', query);
        channel.writeInbound(packet);
        FrontendMessage.StartupMessage startup = channel.readInbound();
        assertEquals(3, startup.majorVersion());
        assertEquals(9999, startup.minorVersion());
        assertEquals("alice", startup.parameters().get("user"));
        assertTrue(startup.parameters().containsKey("_pq_.test_protocol_negotiation"));
        FrontendMessage.Query q = channel.readInbound();
        assertEquals("SELECT 1", q.sql());
        assertFalse(channel.finish());
    }

    @Test
    void startupDecoderRecognizesSslGssAndCancel() {
        EmbeddedChannel channel = new EmbeddedChannel(new StartupDecoder(1024));
        channel.writeInbound(Unpooled.buffer().writeInt(8).writeInt(StartupDecoder.SSL_REQUEST));
        assertInstanceOf(FrontendMessage.SslRequest.class, channel.readInbound());
        channel.writeInbound(Unpooled.buffer().writeInt(8).writeInt(StartupDecoder.GSSENC_REQUEST));
        assertInstanceOf(FrontendMessage.GssEncRequest.class, channel.readInbound());
        channel.writeInbound(Unpooled.buffer().writeInt(16).writeInt(StartupDecoder.CANCEL_REQUEST).writeInt(77)
                .writeInt(0x01020304));
        FrontendMessage.CancelRequest cancel = channel.readInbound();
        assertEquals(77, cancel.processId());
        assertArrayEquals(new byte[]{1, 2, 3, 4}, cancel.secretKey());
        ByteBuf longKey = Unpooled.buffer().writeInt(12 + 32).writeInt(StartupDecoder.CANCEL_REQUEST).writeInt(78);
        longKey.writeZero(32);
        channel.writeInbound(longKey);
        FrontendMessage.CancelRequest cancel32 = channel.readInbound();
        assertEquals(32, cancel32.secretKey().length);
        assertFalse(channel.finish());
    }

    @Test
    void absurdStartupLengthIsRefused() {
        EmbeddedChannel channel = new EmbeddedChannel(new StartupDecoder(1024));
        channel.writeInbound(Unpooled.buffer().writeInt(50_000_000).writeInt(196608));
        FrontendMessage.Malformed malformed = channel.readInbound();
        assertEquals("invalid length of startup packet", malformed.reason());
        assertFalse(channel.finish());
    }
}
