package io.mockpg.internal.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;

/**
 * The frontend's side of the protocol, for tests: each method frames one message as a client
 * sends it (PostgreSQL's "Message Formats" chapter), in a buffer the channel then owns.
 */
final class ClientMessages {
    private ClientMessages() {
    }

    static ByteBuf startup(String user, String database) {
        ByteBuf message = Unpooled.buffer();
        message.writeInt(0).writeInt(3 << 16);
        cstring(cstring(cstring(cstring(message, "user"), user), "database"), database);
        message.writeByte(0);
        return message.setInt(0, message.readableBytes());
    }

    static ByteBuf cancelRequest(int processId, byte[] secretKey) {
        ByteBuf message = Unpooled.buffer();
        message.writeInt(0).writeInt(80877102).writeInt(processId).writeBytes(secretKey);
        return message.setInt(0, message.readableBytes());
    }

    static ByteBuf query(String sql) {
        return typed('Q', cstring(Unpooled.buffer(), sql));
    }

    static ByteBuf parse(String name, String sql, int... paramOids) {
        ByteBuf body = cstring(cstring(Unpooled.buffer(), name), sql).writeShort(paramOids.length);
        for (int oid : paramOids) {
            body.writeInt(oid);
        }
        return typed('P', body);
    }

    /** Bind with text parameters (null: SQL NULL) and every result column in text. */
    static ByteBuf bind(String portal, String statement, String... params) {
        ByteBuf body = cstring(cstring(Unpooled.buffer(), portal), statement).writeShort(0).writeShort(params.length);
        for (String param : params) {
            if (param == null) {
                body.writeInt(-1);
            } else {
                byte[] bytes = param.getBytes(StandardCharsets.UTF_8);
                body.writeInt(bytes.length).writeBytes(bytes);
            }
        }
        return typed('B', body.writeShort(0));
    }

    static ByteBuf describePortal(String portal) {
        return typed('D', cstring(Unpooled.buffer().writeByte('P'), portal));
    }

    static ByteBuf describeStatement(String statement) {
        return typed('D', cstring(Unpooled.buffer().writeByte('S'), statement));
    }

    static ByteBuf execute(String portal, int maxRows) {
        return typed('E', cstring(Unpooled.buffer(), portal).writeInt(maxRows));
    }

    static ByteBuf closePortal(String portal) {
        return typed('C', cstring(Unpooled.buffer().writeByte('P'), portal));
    }

    static ByteBuf closeStatement(String statement) {
        return typed('C', cstring(Unpooled.buffer().writeByte('S'), statement));
    }

    static ByteBuf sync() {
        return typed('S', Unpooled.buffer());
    }

    static ByteBuf flush() {
        return typed('H', Unpooled.buffer());
    }

    static ByteBuf copyData(String data) {
        return typed('d', Unpooled.buffer().writeBytes(data.getBytes(StandardCharsets.UTF_8)));
    }

    static ByteBuf copyDone() {
        return typed('c', Unpooled.buffer());
    }

    static ByteBuf copyFail(String reason) {
        return typed('f', cstring(Unpooled.buffer(), reason));
    }

    static ByteBuf terminate() {
        return typed('X', Unpooled.buffer());
    }

    private static ByteBuf typed(char type, ByteBuf body) {
        ByteBuf message = Unpooled.buffer(5 + body.readableBytes());
        message.writeByte(type).writeInt(4 + body.readableBytes()).writeBytes(body);
        body.release();
        return message;
    }

    private static ByteBuf cstring(ByteBuf buf, String text) {
        return buf.writeBytes(text.getBytes(StandardCharsets.UTF_8)).writeByte(0);
    }
}
