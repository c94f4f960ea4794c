package io.mockpg.internal.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The messages of a stream of reads, found whatever the reads' bounds, the reads left as they were. */
class MessageSplitterTest {
    /** Parse "SELECT 1", Sync, and a Query of 304 bytes: three messages, 326 bytes. */
    private static byte[] stream() {
        ByteBuf out = Unpooled.buffer();
        byte[] parse = "\0SELECT 1\0\0\0".getBytes(StandardCharsets.US_ASCII);
        out.writeByte('P').writeInt(4 + parse.length).writeBytes(parse);
        out.writeByte('S').writeInt(4);
        byte[] query = ("SELECT '" + "x".repeat(289) + "'\0").getBytes(StandardCharsets.US_ASCII);
        out.writeByte('Q').writeInt(4 + query.length).writeBytes(query);
        byte[] bytes = ByteBufUtil.getBytes(out);
        out.release();
        return bytes;
    }

    @Test
    void everyCutOfTheStreamGivesTheSameThreeMessagesAndForwardsEveryByte() {
        byte[] stream = stream();
        for (int first = 1; first < stream.length; first++) {
            for (int second = first; second < stream.length; second += 7) {
                MessageSplitter splitter = new MessageSplitter();
                List<String> seen = new ArrayList<>();
                int[] cuts = {0, first, second, stream.length};
                for (int i = 0; i < 3; i++) {
                    ByteBuf read = Unpooled.wrappedBuffer(stream, cuts[i], cuts[i + 1] - cuts[i]);
                    int readerIndex = read.readerIndex();
                    int forward = splitter.split(read, frame -> seen.add((char) frame.getByte(frame.readerIndex())
                            + ":" + frame.readableBytes()));
                    assertEquals(read.readableBytes(), forward);
                    assertEquals(readerIndex, read.readerIndex()); // the read goes on as it came
                    read.release();
                }
                splitter.release();
                assertEquals(List.of("P:17", "S:5", "Q:304"), seen, "cut at " + first + " and " + second);
            }
        }
    }

    @Test
    void aVisitorThatStopsGetsTheBytesBeforeTheMessageItStoppedAt() {
        byte[] stream = stream();
        MessageSplitter splitter = new MessageSplitter();
        ByteBuf read = Unpooled.wrappedBuffer(stream);
        assertEquals(17, splitter.split(read, frame -> frame.getByte(frame.readerIndex()) != 'S'));
        read.release();
        splitter.release();
    }

    @Test
    void aLengthBelowFourOrAboveTheLimitIsRefused() {
        MessageSplitter splitter = new MessageSplitter(100);
        ByteBuf tooShort = Unpooled.wrappedBuffer(new byte[] {'Q', 0, 0, 0, 3});
        CorruptedFrameException corrupted = assertThrows(CorruptedFrameException.class,
                () -> splitter.split(tooShort, frame -> true));
        assertEquals("invalid message length 3", corrupted.getMessage());
        tooShort.release();
        ByteBuf tooLong = Unpooled.wrappedBuffer(new byte[] {'Q', 0, 0, 0, 101});
        TooLongFrameException long_ = assertThrows(TooLongFrameException.class,
                () -> new MessageSplitter(100).split(tooLong, frame -> true));
        assertEquals("message length 101 exceeds 100", long_.getMessage());
        tooLong.release();
    }
}
