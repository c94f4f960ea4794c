package io.mockpg.e2e;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Protocol edge cases with hand-written bytes. Compared with PostgreSQL 15: an unknown message
 * type is FATAL 08P01 "invalid frontend message type N"; SSLRequest without TLS is answered
 * 'N' and the startup continues on the same socket; 3.9999 with a {@code _pq_.} option gets
 * NegotiateProtocolVersion with a full version code (PostgreSQL 15 sends 196608, mockpg speaks
 * 3.2 so 196610) and then authentication. Deliberately stricter than PostgreSQL 15: a truncated
 * body there is a non-fatal ERROR "insufficient data left in message"; mockpg closes the
 * connection with FATAL 08P01, since the rest of the stream can no longer be trusted.
 */
class RawProtocolE2eTest {
    private static final int V3_0 = 196608;
    private static final int V3_2 = 196610;

    @AutoClose
    private static MockPgServer server;

    @BeforeAll
    static void start() {
        server = MockPgServer.builder()
                .startupTimeout(Duration.ofMillis(300))
                .maxMessageSize(64 * 1024)
                .scriptYaml("rules: []")
                .start();
    }

    private static RawPgClient loggedIn() throws Exception {
        RawPgClient client = new RawPgClient(server.host(), server.port());
        client.login();
        return client;
    }

    private static void assertFatal08P01(RawPgClient client, String message) throws Exception {
        RawPgClient.Message error = client.read();
        assertEquals('E', error.type());
        Map<Character, String> fields = error.fields();
        assertEquals("FATAL", fields.get('S'));
        assertEquals("08P01", fields.get('C'));
        assertEquals(message, fields.get('M'));
        assertTrue(client.closedByServer());
    }

    @Test
    void unknownMessageTypeIs08P01AndOtherSessionsCarryOn() throws Exception {
        try (Connection bystander = PgClients.connect(server, PgClients.Mode.EXTENDED);
             RawPgClient client = loggedIn()) {
            client.send(RawPgClient.typed('z', new byte[] {1, 2, 3}));
            assertFatal08P01(client, "invalid frontend message type 122");
            assertSelectOneWorks(bystander);
        }
    }

    @Test
    void badLengthIs08P01() throws Exception {
        try (Connection bystander = PgClients.connect(server, PgClients.Mode.SIMPLE);
             RawPgClient client = loggedIn()) {
            client.send(new byte[] {'Q', 0, 0, 0, 2});
            assertFatal08P01(client, "invalid message length");
            assertSelectOneWorks(bystander);
        }
    }

    @Test
    void truncatedBodyIs08P01() throws Exception {
        try (RawPgClient client = loggedIn()) {
            // An Execute whose body lacks the row limit after the portal name.
            client.send(RawPgClient.typed('E', new byte[] {0}));
            assertFatal08P01(client, "invalid message format");
        }
    }

    @Test
    void oversizedMessageIs08P01BeforeItArrives() throws Exception {
        try (RawPgClient client = loggedIn()) {
            client.send(ByteBuffer.allocate(5).put((byte) 'Q').putInt(1_000_000).array());
            assertFatal08P01(client, "message of 1000000 bytes exceeds the maximum of 65536");
        }
    }

    @Test
    void silentClientIsDroppedAfterTheStartupTimeout() throws Exception {
        try (RawPgClient client = new RawPgClient(server.host(), server.port())) {
            long start = System.nanoTime();
            assertTrue(client.closedByServer());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis >= 250 && millis < 3000, "dropped after " + millis + " ms");
        }
    }

    @Test
    void sslAndGssRequestsAreDeclinedAndStartupContinues() throws Exception {
        try (RawPgClient client = new RawPgClient(server.host(), server.port())) {
            client.send(ByteBuffer.allocate(8).putInt(8).putInt(80877103).array());
            assertEquals('N', client.readByte());
            client.send(ByteBuffer.allocate(8).putInt(8).putInt(80877104).array());
            assertEquals('N', client.readByte());
            client.send(RawPgClient.startup(V3_0, "user", "app", "database", "mockpg"));
            assertEquals(0, client.read().buffer().getInt()); // AuthenticationOk
            RawPgClient.Message ready = client.readUntil('Z');
            assertEquals('I', (char) ready.body()[0]);
        }
    }

    @Test
    void futureMinorVersionAndUnknownOptionAreNegotiated() throws Exception {
        try (RawPgClient client = new RawPgClient(server.host(), server.port())) {
            client.send(RawPgClient.startup((3 << 16) | 9999, "user", "app", "database", "mockpg",
                    "_pq_.test_protocol_negotiation", "x"));
            RawPgClient.Message negotiate = client.read();
            assertEquals('v', negotiate.type());
            ByteBuffer body = negotiate.buffer();
            assertEquals(V3_2, body.getInt());
            assertEquals(1, body.getInt());
            byte[] rest = new byte[body.remaining()];
            body.get(rest);
            assertEquals("_pq_.test_protocol_negotiation\0", new String(rest, StandardCharsets.UTF_8));
            RawPgClient.Message auth = client.read();
            assertEquals('R', auth.type());
            assertEquals(0, auth.buffer().getInt());
            // The session speaks 3.2: a 32-byte cancel key.
            assertEquals(4 + 32, client.readUntil('K').body().length);
        }
    }

    @Test
    void cancelKeyLengthFollowsTheProtocolVersion() throws Exception {
        try (RawPgClient v32 = new RawPgClient(server.host(), server.port());
             RawPgClient v30 = new RawPgClient(server.host(), server.port())) {
            v32.send(RawPgClient.startup(V3_2, "user", "app"));
            assertEquals('R', v32.read().type()); // no NegotiateProtocolVersion for a supported version
            assertEquals(4 + 32, v32.readUntil('K').body().length);
            v30.send(RawPgClient.startup(V3_0, "user", "app"));
            assertEquals('R', v30.read().type());
            assertEquals(4 + 4, v30.readUntil('K').body().length);
        }
    }

    @Test
    void terminateClosesCleanly() throws Exception {
        try (RawPgClient client = loggedIn()) {
            int before = server.sessionCount();
            client.send(RawPgClient.typed('X', new byte[0]));
            assertEquals(-1, client.readByte());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (server.sessionCount() >= before && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(before - 1, server.sessionCount());
        }
    }

    private static void assertSelectOneWorks(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
    }
}
