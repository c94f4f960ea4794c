package io.mockpg.internal.record;

import io.mockpg.internal.upstream.FrontendMessages;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A frontend over a plain socket that keeps every backend message as its exact bytes, so that
 * two servers' answers to the same requests can be compared byte for byte. Requests are
 * encoded with the upstream package's {@link FrontendMessages}.
 */
final class WireClient implements AutoCloseable {
    /** One backend message: its type and body, exactly as received. */
    record Message(char type, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Type, length and the body with printable ASCII kept and every other byte as \xNN. */
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder().append(type).append(" [").append(body.length).append("] ");
            for (byte b : body) {
                if (b >= 0x20 && b < 0x7f && b != '\\') {
                    out.append((char) b);
                } else {
                    out.append("\\x").append(HexFormat.of().toHexDigits(b));
                }
            }
            return out.toString();
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    /** Connects, sends a StartupMessage, and keeps the answers up to ReadyForQuery in {@code startup}. */
    WireClient(int port, Map<String, String> parameters, List<Message> startup) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        send(buf -> FrontendMessages.startup(buf, parameters));
        startup.addAll(untilReady(1));
    }

    /** Sends the requests {@code batch} writes, in one write, and returns the answers up to {@code readies} ReadyForQuery. */
    List<Message> exchange(Consumer<ByteBuf> batch, int readies) throws IOException {
        send(batch);
        return untilReady(readies);
    }

    private void send(Consumer<ByteBuf> batch) throws IOException {
        ByteBuf buf = Unpooled.buffer();
        try {
            batch.accept(buf);
            out.write(ByteBufUtil.getBytes(buf));
            out.flush();
        } finally {
            buf.release();
        }
    }

    private List<Message> untilReady(int readies) throws IOException {
        List<Message> messages = new ArrayList<>();
        int seen = 0;
        while (seen < readies) {
            char type = (char) in.readUnsignedByte();
            byte[] body = new byte[in.readInt() - 4];
            in.readFully(body);
            messages.add(new Message(type, body));
            if (type == 'Z') {
                seen++;
            }
        }
        return messages;
    }

    @Override
    public void close() throws IOException {
        try {
            send(FrontendMessages::terminate);
        } finally {
            socket.close();
        }
    }
}
