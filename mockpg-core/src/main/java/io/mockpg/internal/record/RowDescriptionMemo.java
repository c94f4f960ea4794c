package io.mockpg.internal.record;

import io.mockpg.internal.upstream.BackendMessage;
import io.mockpg.internal.upstream.BackendMessageDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * Decodes a session's backend messages, keeping the last RowDescription with its bytes: a
 * statement run again describes its columns again in the same bytes, which need not be decoded
 * again. Used on the session's event loop.
 */
final class RowDescriptionMemo {
    private byte[] lastBytes;
    private BackendMessage.RowDescription last;

    BackendMessage decode(ByteBuf frame) {
        if (frame.getByte(frame.readerIndex()) != 'T') {
            return BackendMessageDecoder.decode(frame);
        }
        if (last != null && sameBytes(frame, lastBytes)) {
            return last;
        }
        BackendMessage message = BackendMessageDecoder.decode(frame);
        last = (BackendMessage.RowDescription) message;
        lastBytes = ByteBufUtil.getBytes(frame);
        return message;
    }

    private static boolean sameBytes(ByteBuf frame, byte[] bytes) {
        if (frame.readableBytes() != bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (frame.getByte(frame.readerIndex() + i) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
