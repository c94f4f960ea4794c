package io.mockpg.internal.record;

import io.mockpg.internal.upstream.BackendMessage;
import io.mockpg.internal.upstream.BackendMessageDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * Decodes a session's backend messages, keeping the last RowDescription with its bytes: a
 * statement run again describes its columns again in the same bytes, which need not be decoded
 * again. Used on the session's event loop.
 */
final class RowDescriptionMemo {
    private ByteBuf lastBytes;
    private BackendMessage.RowDescription last;

    BackendMessage decode(ByteBuf frame) {
        if (frame.getByte(frame.readerIndex()) != 'T') {
            return BackendMessageDecoder.decode(frame);
        }
        if (last != null && ByteBufUtil.equals(frame, lastBytes)) {
            return last;
        }
        BackendMessage message = BackendMessageDecoder.decode(frame);
        last = (BackendMessage.RowDescription) message;
        lastBytes = Unpooled.wrappedBuffer(ByteBufUtil.getBytes(frame));
        return message;
    }
}
