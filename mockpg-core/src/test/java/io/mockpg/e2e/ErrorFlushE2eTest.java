package io.mockpg.e2e;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pipelined extended-protocol messages ended by Flush instead of Sync, as libpq's pipeline
 * mode sends them (psycopg 3 {@code conn.pipeline()}): an ErrorResponse must reach the client
 * without waiting for a Sync, as PostgreSQL flushes every error at once.
 */
class ErrorFlushE2eTest {
    private static final String SCRIPT = """
            rules:
              - id: one
                match: { sql: SELECT 1 AS one FROM t }
                respond: { columns: [{one: int4}], rows: [[1]] }
            """;

    @Test
    void anExecuteErrorArrivesAfterFlushWithoutSync() throws Exception {
        try (MockPgServer server = MockPgServer.builder().scriptYaml(SCRIPT).start();
             RawPgClient client = new RawPgClient(server.host(), server.port())) {
            client.login();
            client.send(concat(parse("SELECT * FROM nowhere WHERE id = $1"), bind("", "1"), describePortal(),
                    execute(), RawPgClient.typed('H', new byte[0])));
            assertEquals('1', client.read().type());
            assertEquals('2', client.read().type());
            RawPgClient.Message next = client.read();
            if (next.type() == 'n') {
                next = client.read();
            }
            assertEquals('E', next.type());
            assertEquals("MP001", next.fields().get('C'));
            client.send(RawPgClient.typed('S', new byte[0]));
            RawPgClient.Message ready = client.read();
            assertEquals('Z', ready.type());
            assertEquals('I', (char) ready.body()[0]);
        }
    }

    @Test
    void aBindErrorArrivesAfterFlushWithoutSync() throws Exception {
        try (MockPgServer server = MockPgServer.builder().scriptYaml(SCRIPT).start();
             RawPgClient client = new RawPgClient(server.host(), server.port())) {
            client.login();
            client.send(concat(bind("missing"), execute(), RawPgClient.typed('H', new byte[0])));
            RawPgClient.Message error = client.read();
            assertEquals('E', error.type());
            assertEquals("26000", error.fields().get('C'));
            client.send(concat(RawPgClient.typed('S', new byte[0]), parse("SELECT 1 AS one FROM t"), bind(""),
                    execute(), RawPgClient.typed('S', new byte[0])));
            assertEquals('Z', client.read().type());
            assertEquals('1', client.read().type());
            assertEquals('2', client.read().type());
            assertEquals('D', client.read().type());
            assertEquals("SELECT 1", cstring(client.read().body()));
            assertEquals('Z', client.read().type());
        }
    }

    private static byte[] parse(String sql) {
        byte[] text = sql.getBytes(StandardCharsets.UTF_8);
        return RawPgClient.typed('P', ByteBuffer.allocate(1 + text.length + 1 + 2).put((byte) 0).put(text)
                .put((byte) 0).putShort((short) 0).array());
    }

    /** Bind of the unnamed portal to a statement, with text parameters and text results. */
    private static byte[] bind(String statement, String... params) {
        byte[] name = statement.getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.allocate(1024).put((byte) 0).put(name).put((byte) 0).putShort((short) 0)
                .putShort((short) params.length);
        for (String param : params) {
            byte[] value = param.getBytes(StandardCharsets.UTF_8);
            body.putInt(value.length).put(value);
        }
        body.putShort((short) 0);
        byte[] bytes = new byte[body.position()];
        body.flip().get(bytes);
        return RawPgClient.typed('B', bytes);
    }

    private static byte[] describePortal() {
        return RawPgClient.typed('D', new byte[] {'P', 0});
    }

    private static byte[] execute() {
        return RawPgClient.typed('E', new byte[] {0, 0, 0, 0, 0});
    }

    private static String cstring(byte[] body) {
        return new String(body, 0, body.length - 1, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer all = ByteBuffer.allocate(java.util.Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }
}
