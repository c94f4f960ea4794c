package io.mockpg;

import io.mockpg.e2e.PgClients;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The epoll transport, which the standalone server uses on Linux: the same answers as NIO
 * through pgjdbc, including a result far larger than the socket buffers (the writability
 * path) and a delayed answer (the loop's scheduler).
 */
class NativeTransportTest {
    private static final int MANY_ROWS = 200_000;

    @AutoClose
    private static MockPgServer epoll;
    @AutoClose
    private static MockPgServer nio;

    @BeforeAll
    static void start() {
        String script = """
                rules:
                  - id: user
                    match: { sql: "SELECT id, name FROM users WHERE id = $1" }
                    respond:
                      columns: [{id: int4}, {name: text}]
                      rows: [["{{$1}}", "user {{$1}}"]]
                  - id: many
                    match: { sql: "SELECT n, padding FROM many" }
                    respond:
                      columns: [{n: int8}, {padding: text}]
                      rows: [["{{row}}", "%s"]]
                      repeat: %d
                  - id: slow
                    match: { sql: SELECT slowly }
                    respond:
                      delay: 300ms
                      columns: [{done: bool}]
                      rows: [[true]]
                  - id: broken
                    match: { sql: SELECT broken }
                    respond:
                      error: { code: "22012", message: division by zero }
                """.formatted("x".repeat(100), MANY_ROWS);
        epoll = MockPgServer.builder().nativeTransport(true).scriptYaml(script).start();
        nio = MockPgServer.builder().scriptYaml(script).start();
    }

    @Test
    void epollServesWhereItsNativeLibraryShips() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        boolean shipped = os.contains("linux") && (arch.equals("amd64") || arch.equals("aarch64"));
        assertEquals(shipped ? "epoll" : "nio", epoll.transport());
        assertEquals("nio", nio.transport(), "NIO unless asked for");
    }

    @ParameterizedTest
    @EnumSource(PgClients.Mode.class)
    void answersAsNioDoes(PgClients.Mode mode) throws Exception {
        for (MockPgServer server : new MockPgServer[] {epoll, nio}) {
            server.reset();
            try (Connection c = PgClients.connect(server, mode)) {
                try (PreparedStatement p = c.prepareStatement("SELECT id, name FROM users WHERE id = ?")) {
                    for (int id = 1; id <= 3; id++) {
                        p.setInt(1, id);
                        try (ResultSet rs = p.executeQuery()) {
                            assertTrue(rs.next());
                            assertEquals(id, rs.getInt(1));
                            assertEquals("user " + id, rs.getString(2));
                            assertFalse(rs.next());
                        }
                    }
                }
                try (Statement s = c.createStatement()) {
                    SQLException error = assertThrows(SQLException.class, () -> s.executeQuery("SELECT broken"));
                    assertEquals("22012", error.getSQLState());
                    long start = System.nanoTime();
                    try (ResultSet rs = s.executeQuery("SELECT slowly")) {
                        assertTrue(rs.next());
                        assertTrue(rs.getBoolean(1));
                    }
                    assertTrue(System.nanoTime() - start >= 300_000_000L, "the delay was kept");
                }
            }
            List<String> answeredBy = PgClients.scripted(server).stream().map(JournalEntry::ruleId).toList();
            assertEquals(List.of("user", "user", "user", "broken", "slow"), answeredBy, server.transport());
            server.verifyNoUnmatched();
        }
    }

    @Test
    void streamsALargeResultThroughEpoll() throws Exception {
        try (Connection c = PgClients.connect(epoll, PgClients.Mode.EXTENDED)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(1000);
                long expected = 1;
                try (ResultSet rs = s.executeQuery("SELECT n, padding FROM many")) {
                    while (rs.next()) {
                        assertEquals(expected, rs.getLong(1));
                        assertEquals(100, rs.getString(2).length());
                        expected++;
                    }
                }
                assertEquals(MANY_ROWS + 1, expected);
            }
            c.commit();
        }
    }
}
