package io.mockpg.internal.upstream;

import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.protocol.backend.BackendMessages;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Backend messages as mockpg's own server writes them, decoded back; framing of a byte stream. */
class BackendMessageDecoderTest {
    @Test
    void whatTheServerWritesDecodesBack() {
        ByteBuf out = Unpooled.buffer();
        try {
            BackendMessages.parameterStatus(out, "TimeZone", "UTC");
            BackendMessages.backendKeyData(out, 42, new byte[] {1, 2, 3, 4});
            BackendMessages.commandComplete(out, "SELECT 1");
            BackendMessages.errorResponse(out, ErrorFields.error("42P01", "relation \"x\" does not exist"));
            BackendMessages.readyForQuery(out, 'T');
            BackendMessages.parameterDescription(out, new int[] {23, 25});
            BackendMessages.notificationResponse(out, 7, "jobs", "ready");
            BackendMessages.noData(out);
            List<BackendMessage> decoded = frames(out).stream().map(frame -> {
                try {
                    return BackendMessageDecoder.decode(frame);
                } finally {
                    frame.release();
                }
            }).toList();
            assertEquals(new BackendMessage.ParameterStatus("TimeZone", "UTC"), decoded.get(0));
            BackendMessage.BackendKeyData key = (BackendMessage.BackendKeyData) decoded.get(1);
            assertEquals(42, key.processId());
            assertArrayEquals(new byte[] {1, 2, 3, 4}, key.secretKey());
            assertEquals(new BackendMessage.CommandComplete("SELECT 1"), decoded.get(2));
            BackendMessage.ErrorResponse error = (BackendMessage.ErrorResponse) decoded.get(3);
            assertEquals("42P01", error.sqlState());
            assertEquals("ERROR", error.fields().get('S'));
            assertEquals(new BackendMessage.ReadyForQuery('T'), decoded.get(4));
            assertArrayEquals(new int[] {23, 25}, ((BackendMessage.ParameterDescription) decoded.get(5)).typeOids());
            assertEquals(new BackendMessage.NotificationResponse(7, "jobs", "ready"), decoded.get(6));
            assertEquals(new BackendMessage.Empty('n'), decoded.get(7));
        } finally {
            out.release();
        }
    }

    @Test
    void aDataRowKeepsNullsApart() {
        ByteBuf frame = Unpooled.buffer();
        frame.writeByte('D').writeInt(4 + 2 + 4 + 2 + 4).writeShort(2).writeInt(2).writeBytes("hi".getBytes())
                .writeInt(-1);
        BackendMessage.DataRow row = (BackendMessage.DataRow) BackendMessageDecoder.decode(frame);
        frame.release();
        assertEquals("hi", new String(row.values().get(0)));
        assertNull(row.values().get(1));
    }

    @Test
    void aMalformedMessageIsRefused() {
        for (byte[] bad : List.of(new byte[] {'C', 0, 0, 0, 6, 'x', 'y'}, new byte[] {'Z', 0, 0, 0, 4},
                new byte[] {'?', 0, 0, 0, 4}, new byte[] {'Z', 0, 0, 0, 9, 'I'})) {
            ByteBuf frame = Unpooled.wrappedBuffer(bad);
            assertThrows(MalformedMessageException.class, () -> BackendMessageDecoder.decode(frame));
            frame.release();
        }
        ByteBuf error = Unpooled.buffer();
        error.writeByte('E').writeInt(4 + 1 + 2 + 1).writeByte('C').writeBytes("x".getBytes()).writeByte(0).writeByte(0);
        assertEquals(Map.of('C', "x"), ((BackendMessage.ErrorResponse) BackendMessageDecoder.decode(error)).fields());
        error.release();
    }

    @Test
    void theFramerCutsMessagesSplitAcrossReadsAndRefusesBadLengths() {
        EmbeddedChannel channel = new EmbeddedChannel(new MessageFramer());
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'Z', 0, 0}));
        assertNull(channel.readInbound());
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 5, 'I', 'n', 0, 0}));
        ByteBuf first = channel.readInbound();
        assertArrayEquals(new byte[] {'Z', 0, 0, 0, 5, 'I'}, io.netty.buffer.ByteBufUtil.getBytes(first));
        first.release();
        assertNull(channel.readInbound());
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 4}));
        ByteBuf second = channel.readInbound();
        assertArrayEquals(new byte[] {'n', 0, 0, 0, 4}, io.netty.buffer.ByteBufUtil.getBytes(second));
        second.release();
        assertThrows(Exception.class, () -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'C', 0, 0, 0, 2})));
        channel.finishAndReleaseAll();
    }

    private static List<ByteBuf> frames(ByteBuf stream) {
        EmbeddedChannel channel = new EmbeddedChannel(new MessageFramer());
        channel.writeInbound(stream.retainedDuplicate());
        List<ByteBuf> frames = new java.util.ArrayList<>();
        for (ByteBuf frame = channel.readInbound(); frame != null; frame = channel.readInbound()) {
            frames.add(frame);
        }
        channel.finishAndReleaseAll();
        return frames;
    }
}
