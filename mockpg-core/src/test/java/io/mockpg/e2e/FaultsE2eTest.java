package io.mockpg.e2e;

import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scripted faults (docs/script-reference.md, "respond"): the connection closes or resets, other sessions carry on. */
class FaultsE2eTest {
    @AutoClose
    private static MockPgServer server;

    @BeforeAll
    static void start() {
        server = MockPgServer.builder().scriptYaml("""
                rules:
                  - id: flaky
                    match: { sql: "SELECT n FROM flaky" }
                    respond:
                      columns: [{n: int4}]
                      rows: [["{{row}}"]]
                      repeat: 100
                      fault: { type: close, after_rows: 5 }
                  - id: reset
                    match: { sql: "SELECT reset_me()" }
                    respond: { fault: reset }
                  - id: closed
                    match: { sql: "SELECT close_me()" }
                    respond:
                      notices: [{ message: about to go }]
                      fault: close
                """).start();
    }

    @BeforeEach
    void clear() {
        server.reset();
    }

    @Test
    void rawClientSeesExactlyTheRowsBeforeTheClose() throws IOException, InterruptedException {
        try (RawPgClient client = new RawPgClient(server.host(), server.port())) {
            client.login();
            client.send(RawPgClient.query("SELECT n FROM flaky"));
            assertEquals('T', client.read().type());
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                RawPgClient.Message row = client.read();
                assertEquals('D', row.type());
                ByteBuffer body = row.buffer();
                assertEquals(1, body.getShort());
                byte[] value = new byte[body.getInt()];
                body.get(value);
                rows.add(Integer.parseInt(new String(value, java.nio.charset.StandardCharsets.US_ASCII)));
            }
            assertEquals(List.of(1, 2, 3, 4, 5), rows);
            assertTrue(client.closedByServer());
        }
        // The server rolls back when it sees its side of the channel close, just after the client does.
        awaitOutcome("rolled_back");
    }

    @ParameterizedTest
    @EnumSource(value = PgClients.Mode.class, names = {"EXTENDED", "BINARY"})
    void pgjdbcReadsRowsThenGetsAnIoError(PgClients.Mode mode) throws Exception {
        List<Integer> seen = new ArrayList<>();
        try (Connection c = PgClients.connect(server, mode); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.setFetchSize(2);
            SQLException e = assertThrows(SQLException.class, () -> {
                try (ResultSet rs = s.executeQuery("SELECT n FROM flaky")) {
                    while (rs.next()) {
                        seen.add(rs.getInt(1));
                    }
                }
            });
            assertEquals("08006", e.getSQLState());
            assertTrue(c.isClosed() || !c.isValid(1));
        }
        // Fetched two at a time: the batches before the one the close cut short arrived intact.
        assertEquals(List.of(1, 2, 3, 4), seen);
        assertOtherSessionsWork();
    }

    @Test
    void psqlReportsTheLostConnection() throws Exception {
        PgClients.PsqlRun run = PgClients.psql(server, "SELECT n FROM flaky");
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("server closed the connection unexpectedly"), run.stderr());
        assertEquals(List.of(), run.lines());
    }

    @ParameterizedTest
    @EnumSource(PgClients.Mode.class)
    void resetAndCloseFaults(PgClients.Mode mode) throws Exception {
        try (Connection c = PgClients.connect(server, mode); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT reset_me()"));
            assertEquals("08006", e.getSQLState());
            assertTrue(causes(e).contains("Connection reset"), causes(e));
        }
        try (Connection c = PgClients.connect(server, mode); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT close_me()"));
            assertEquals("08006", e.getSQLState());
        }
        assertEquals(List.of("reset", "closed"),
                PgClients.scripted(server).stream().map(JournalEntry::ruleId).toList());
        assertOtherSessionsWork();
    }

    private static void awaitOutcome(String outcome) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
        while (!outcome.equals(PgClients.scripted(server).get(0).outcome()) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(outcome, PgClients.scripted(server).get(0).outcome());
    }

    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append(" / ");
        }
        return text.toString();
    }

    private static void assertOtherSessionsWork() throws SQLException {
        try (Connection c = PgClients.connect(server, PgClients.Mode.EXTENDED); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
    }
}
