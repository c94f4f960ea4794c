package io.mockpg.e2e;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static io.mockpg.e2e.RawPgClient.concat;
import static io.mockpg.e2e.RawPgClient.describe;
import static io.mockpg.e2e.RawPgClient.parse;
import static io.mockpg.e2e.RawPgClient.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Describe-statement of a statement no rule can answer reports the unmatched error, as
 * PostgreSQL reports an unknown table at Parse: asyncpg, pgx and Vert.x describe first and
 * encode parameters by the described types, so a guessed {@code text} made them fail in the
 * client with an encoding error instead of showing MP001 and its near misses.
 */
class DescribeUnmatchedE2eTest {
    private static final String SCRIPT = """
            rules:
              - id: item-by-id
                match: { sql: SELECT name FROM items WHERE id = $1, params: [1] }
                respond: { columns: [{name: text}], rows: [[one]] }
            """;

    @Test
    void unmatchedStatementFailsAtDescribe() throws Exception {
        try (MockPgServer server = MockPgServer.builder().scriptYaml(SCRIPT).start();
             RawPgClient client = new RawPgClient(server.host(), server.port())) {
            client.login();
            client.send(concat(parse("", "SELECT name FROM itemz WHERE id = $1", 0), describe('S', ""), sync()));
            assertEquals('1', client.read().type());
            RawPgClient.Message error = client.read();
            assertEquals('E', error.type());
            assertEquals("MP001", error.fields().get('C'));
            assertTrue(error.fields().get('D').contains("\"item-by-id\""), error.fields().get('D'));
            assertEquals('Z', client.read().type());
            assertEquals(1, server.unmatched().size());
        }
    }

    @Test
    void matchedStatementIsDescribedWithTheRuleTypes() throws Exception {
        try (MockPgServer server = MockPgServer.builder().scriptYaml(SCRIPT).start();
             RawPgClient client = new RawPgClient(server.host(), server.port())) {
            client.login();
            client.send(concat(parse("", "SELECT name FROM items WHERE id = $1", 0), describe('S', ""), sync()));
            assertEquals('1', client.read().type());
            RawPgClient.Message params = client.read();
            assertEquals('t', params.type());
            ByteBuffer body = params.buffer();
            assertEquals(1, body.getShort());
            assertEquals(23, body.getInt());
            assertEquals('T', client.read().type());
            assertEquals('Z', client.read().type());
            assertEquals(0, server.journal().size());
        }
    }
}
