package io.mockpg.e2e;

import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A string of several statements with an error in the middle (https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-MULTI-STATEMENT): the rest never runs,
 * the statements already run are rolled back (the implicit transaction) unless a COMMIT ended
 * it, and the session is idle again afterwards. Compared with PostgreSQL 15: psql prints the
 * error and nothing of the later statements; after {@code INSERT; COMMIT; INSERT; error} the
 * first row is kept and the second is not, and the COMMIT draws "WARNING:  there is no
 * transaction in progress" (psql exits 0 without ON_ERROR_STOP; pgjdbc throws 22012 and
 * reports the warning on the statement).
 */
class MultiStatementE2eTest {
    @AutoClose
    private static MockPgServer server;

    @BeforeAll
    static void start() {
        server = MockPgServer.builder().scriptYaml("""
                rules:
                  - id: insert
                    match: { sql: "INSERT INTO t (v) VALUES ($1)" }
                    respond: { affected: 1 }
                  - id: boom
                    match: { sql: "SELECT boom()" }
                    respond:
                      error: { code: "22012", message: division by zero }
                  - id: count
                    match: { sql: "SELECT count(*) FROM t" }
                    respond:
                      columns: [{count: int8}]
                      rows: [[7]]
                """).start();
    }

    @BeforeEach
    void clear() {
        server.reset();
    }

    private static final String WITH_ERROR =
            "INSERT INTO t (v) VALUES (1); INSERT INTO t (v) VALUES (2); SELECT boom(); INSERT INTO t (v) VALUES (3)";

    private static final String WITH_COMMIT = "INSERT INTO t (v) VALUES (1); COMMIT; INSERT INTO t (v) VALUES (2); "
            + "SELECT boom(); INSERT INTO t (v) VALUES (3)";

    @Test
    void psqlStopsAtTheErrorAndRollsBackTheImplicitTransaction() throws Exception {
        PgClients.PsqlRun run = PgClients.psql(server, WITH_ERROR, "INSERT INTO t (v) VALUES (4)",
                "SELECT count(*) FROM t");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("ERROR:  division by zero"), run.stderr());
        // psql 15 prints the result of every statement of the string up to the error;
        // the next -c runs normally: the session went back to idle after the failed string.
        assertEquals(List.of("INSERT 0 1", "INSERT 0 1", "INSERT 0 1", "7"), run.lines());

        List<JournalEntry> journal = PgClients.scripted(server);
        assertEquals(List.of("INSERT INTO t (v) VALUES (1)", "INSERT INTO t (v) VALUES (2)", "SELECT boom()",
                "INSERT INTO t (v) VALUES (4)", "SELECT count(*) FROM t"), PgClients.scriptedSql(server));
        assertEquals(List.of("rolled_back", "rolled_back", "rolled_back", "committed", "committed"),
                journal.stream().map(JournalEntry::outcome).toList());
        assertEquals(List.of("1"), journal.get(0).params());
        assertEquals("simple", journal.get(0).protocol());
    }

    @Test
    void psqlKeepsWhatACommitInsideTheStringEnded() throws Exception {
        PgClients.PsqlRun run = PgClients.psql(server, WITH_COMMIT);
        // psql exits 1 when its last -c failed, as against PostgreSQL 15.
        assertEquals(1, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("ERROR:  division by zero"), run.stderr());
        assertTrue(run.stderr().contains("WARNING:  there is no transaction in progress"), run.stderr());
        assertEquals(List.of("INSERT 0 1", "COMMIT", "INSERT 0 1"), run.lines());

        List<JournalEntry> journal = PgClients.scripted(server);
        assertEquals(List.of("INSERT INTO t (v) VALUES (1)", "INSERT INTO t (v) VALUES (2)", "SELECT boom()"),
                PgClients.scriptedSql(server));
        assertEquals(List.of("committed", "rolled_back", "rolled_back"),
                journal.stream().map(JournalEntry::outcome).toList());
    }

    /**
     * pgjdbc sends a multi-statement string as one Query in simple mode and as one pipelined
     * batch (Parse/Bind/Execute each, one Sync) in the extended modes: the same rules apply.
     */
    @ParameterizedTest
    @EnumSource(PgClients.Mode.class)
    void pgjdbcStopsAtTheErrorAndRecovers(PgClients.Mode mode) throws Exception {
        try (Connection c = PgClients.connect(server, mode); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute(WITH_ERROR));
            assertEquals("22012", e.getSQLState());
            assertTrue(e.getMessage().contains("division by zero"), e.getMessage());
            assertEquals(List.of("INSERT INTO t (v) VALUES (1)", "INSERT INTO t (v) VALUES (2)", "SELECT boom()"),
                    PgClients.scriptedSql(server));
            assertTrue(PgClients.scripted(server).stream().allMatch(j -> j.outcome().equals("rolled_back")),
                    server.journal().toString());

            assertEquals(1, s.executeUpdate("INSERT INTO t (v) VALUES (5)"));
            JournalEntry last = PgClients.scripted(server).get(3);
            // The journal's params are the bound values, or in simple mode the captured literals.
            assertEquals(mode == PgClients.Mode.SIMPLE ? List.of("5") : List.of(), last.params());
            assertEquals("committed", last.outcome());
            assertEquals(mode == PgClients.Mode.SIMPLE ? "simple" : "extended", last.protocol());
        }
    }

    @ParameterizedTest
    @EnumSource(PgClients.Mode.class)
    void pgjdbcCommitInsideTheStringKeepsTheStatementsBeforeIt(PgClients.Mode mode) throws Exception {
        try (Connection c = PgClients.connect(server, mode); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute(WITH_COMMIT));
            assertEquals("22012", e.getSQLState());
            assertEquals("there is no transaction in progress", s.getWarnings().getMessage());
            assertEquals(List.of("committed", "rolled_back", "rolled_back"),
                    PgClients.scripted(server).stream().map(JournalEntry::outcome).toList());
            assertTrue(c.getAutoCommit());
            assertEquals(1, s.executeUpdate("INSERT INTO t (v) VALUES (6)"));
            assertEquals("committed", PgClients.scripted(server).get(3).outcome());
        }
    }
}
