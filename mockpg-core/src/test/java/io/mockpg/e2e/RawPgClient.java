package io.mockpg.e2e;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A hand-written protocol client over a plain socket, for bytes no driver would send. */
final class RawPgClient implements AutoCloseable {
    /** One backend message: its type byte and body. */
    record Message(char type, byte[] body) {
        ByteBuffer buffer() {
            return ByteBuffer.wrap(body);
        }

        /** The fields of an ErrorResponse or NoticeResponse, keyed by field code. */
        Map<Character, String> fields() {
            Map<Character, String> fields = new LinkedHashMap<>();
            int i = 0;
            while (i < body.length && body[i] != 0) {
                char code = (char) body[i];
                int end = i + 1;
                while (body[end] != 0) {
                    end++;
                }
                fields.put(code, new String(body, i + 1, end - i - 1, StandardCharsets.UTF_8));
                i = end + 1;
            }
            return fields;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawPgClient(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(5000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** How long a read may wait (5 s unless set). */
    RawPgClient readTimeout(java.time.Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        return this;
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** A StartupMessage for the version code (196608 = 3.0) with name/value pairs. */
    static byte[] startup(int versionCode, String... pairs) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String s : pairs) {
            body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            body.write(0);
        }
        body.write(0);
        return ByteBuffer.allocate(8 + body.size()).putInt(8 + body.size()).putInt(versionCode)
                .put(body.toByteArray()).array();
    }

    /** A typed message: type byte, length, body. */
    static byte[] typed(char type, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) type).putInt(4 + body.length).put(body).array();
    }

    static byte[] query(String sql) {
        byte[] text = sql.getBytes(StandardCharsets.UTF_8);
        return typed('Q', ByteBuffer.allocate(text.length + 1).put(text).put((byte) 0).array());
    }

    /** Parse of a named (or, with "", the unnamed) statement, declaring the given parameter type OIDs. */
    static byte[] parse(String name, String sql, int... paramOids) {
        ByteBuffer types = ByteBuffer.allocate(2 + 4 * paramOids.length).putShort((short) paramOids.length);
        for (int oid : paramOids) {
            types.putInt(oid);
        }
        return typed('P', concat(cstring(name), cstring(sql), types.array()));
    }

    /** Bind of a portal to a statement, with text parameters and text results (no format codes). */
    static byte[] bind(String portal, String statement, String... textParams) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(cstring(portal));
        body.writeBytes(cstring(statement));
        body.writeBytes(new byte[] {0, 0});
        body.writeBytes(ByteBuffer.allocate(2).putShort((short) textParams.length).array());
        for (String p : textParams) {
            byte[] value = p.getBytes(StandardCharsets.UTF_8);
            body.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
            body.writeBytes(value);
        }
        body.writeBytes(new byte[] {0, 0});
        return typed('B', body.toByteArray());
    }

    /** Describe of a statement ({@code 'S'}) or portal ({@code 'P'}). */
    static byte[] describe(char kind, String name) {
        return typed('D', concat(new byte[] {(byte) kind}, cstring(name)));
    }

    /** Execute of a portal with no row limit. */
    static byte[] execute(String portal) {
        return typed('E', concat(cstring(portal), new byte[] {0, 0, 0, 0}));
    }

    static byte[] sync() {
        return typed('S', new byte[0]);
    }

    static byte[] flush() {
        return typed('H', new byte[0]);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] cstring(String s) {
        return concat(s.getBytes(StandardCharsets.UTF_8), new byte[] {0});
    }

    /** Reads one byte that is not part of a typed message (the answer to SSLRequest), or -1 at end of stream. */
    int readByte() throws IOException {
        return in.read();
    }

    Message read() throws IOException {
        char type = (char) in.readUnsignedByte();
        int length = in.readInt();
        byte[] body = new byte[length - 4];
        in.readFully(body);
        return new Message(type, body);
    }

    /** Reads up to and including the next message of the given type. */
    Message readUntil(char type) throws IOException {
        while (true) {
            Message m = read();
            if (m.type() == type) {
                return m;
            }
        }
    }

    /** Reads messages up to and including the next ReadyForQuery. */
    List<Message> readUntilReady() throws IOException {
        List<Message> messages = new ArrayList<>();
        Message m;
        do {
            m = read();
            messages.add(m);
        } while (m.type() != 'Z');
        return messages;
    }

    /** Logs in as {@code app} (trust) with protocol 3.0 and waits for ReadyForQuery. */
    void login() throws IOException {
        send(startup(196608, "user", "app", "database", "mockpg"));
        readUntil('Z');
    }

    /** Whether the server closed the connection: end of stream (or a reset) within the timeout. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (EOFException | SocketException e) {
            return true;
        }
    }

    /** Closes with a TCP reset (SO_LINGER 0), as a killed client's kernel may. */
    void resetAbruptly() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
