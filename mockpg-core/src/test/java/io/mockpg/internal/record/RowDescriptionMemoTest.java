package io.mockpg.internal.record;

import io.mockpg.internal.upstream.BackendMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A RowDescription that comes again in the same bytes is the same decoded message. */
class RowDescriptionMemoTest {
    private final RowDescriptionMemo memo = new RowDescriptionMemo();

    @Test
    void theSameBytesGiveTheSameColumns() {
        BackendMessage first = memo.decode(rowDescription("id", 23));
        assertEquals(List.of(new BackendMessage.Field("id", 0, (short) 0, 23, (short) 4, -1, (short) 0)),
                ((BackendMessage.RowDescription) first).fields());
        assertSame(first, memo.decode(rowDescription("id", 23)));
    }

    @Test
    void otherBytesAreDecodedAgain() {
        BackendMessage first = memo.decode(rowDescription("id", 23));
        BackendMessage other = memo.decode(rowDescription("id", 20));
        assertNotSame(first, other);
        assertEquals(20, ((BackendMessage.RowDescription) other).fields().get(0).typeOid());
        assertEquals(new BackendMessage.ReadyForQuery('I'), memo.decode(Unpooled.wrappedBuffer(new byte[] {'Z', 0, 0, 0, 5, 'I'})));
        assertSame(other, memo.decode(rowDescription("id", 20)));
    }

    private static ByteBuf rowDescription(String name, int typeOid) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuf frame = Unpooled.buffer();
        frame.writeByte('T').writeInt(4 + 2 + nameBytes.length + 1 + 18).writeShort(1);
        frame.writeBytes(nameBytes).writeByte(0).writeInt(0).writeShort(0).writeInt(typeOid).writeShort(4).writeInt(-1)
                .writeShort(0);
        return frame;
    }
}
