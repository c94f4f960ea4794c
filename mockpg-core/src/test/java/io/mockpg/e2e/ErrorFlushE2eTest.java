package io.mockpg.e2e;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.mockpg.e2e.RawPgClient.bind;
import static io.mockpg.e2e.RawPgClient.concat;
import static io.mockpg.e2e.RawPgClient.describe;
import static io.mockpg.e2e.RawPgClient.execute;
import static io.mockpg.e2e.RawPgClient.flush;
import static io.mockpg.e2e.RawPgClient.parse;
import static io.mockpg.e2e.RawPgClient.sync;
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
            client.send(concat(parse("", "SELECT * FROM nowhere WHERE id = $1"), bind("", "", "1"), describe('P', ""),
                    execute(""), flush()));
            assertEquals('1', client.read().type());
            assertEquals('2', client.read().type());
            RawPgClient.Message next = client.read();
            if (next.type() == 'n') {
                next = client.read();
            }
            assertEquals('E', next.type());
            assertEquals("MP001", next.fields().get('C'));
            client.send(sync());
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
            client.send(concat(bind("", "missing"), execute(""), flush()));
            RawPgClient.Message error = client.read();
            assertEquals('E', error.type());
            assertEquals("26000", error.fields().get('C'));
            client.send(concat(sync(), parse("", "SELECT 1 AS one FROM t"), bind("", ""), execute(""), sync()));
            assertEquals('Z', client.read().type());
            assertEquals('1', client.read().type());
            assertEquals('2', client.read().type());
            assertEquals('D', client.read().type());
            assertEquals("SELECT 1", cstring(client.read().body()));
            assertEquals('Z', client.read().type());
        }
    }

    private static String cstring(byte[] body) {
        return new String(body, 0, body.length - 1, StandardCharsets.UTF_8);
    }
}
