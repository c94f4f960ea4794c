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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transaction blocks, savepoints and the failed-block rule (https://www.postgresql.org/docs/current/tutorial-transactions.html). Compared with
 * PostgreSQL 15 and pgjdbc 42.7.8: 25P02 has the message below; {@code Connection.commit()} in
 * a failed block does not throw (pgjdbc's raiseExceptionOnSilentRollback is off by default),
 * the server answers the COMMIT with the tag ROLLBACK, as psql shows.
 */
class TransactionE2eTest {
    static final String ABORTED = "current transaction is aborted, commands ignored until end of transaction block";

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
                  - id: value
                    match: { sql: "SELECT v FROM t" }
                    respond:
                      columns: [{v: int4}]
                      rows: [[1], [2]]
                """).start();
    }

    @BeforeEach
    void clear() {
        server.reset();
    }

    private static List<String> outcomes() {
        return PgClients.scripted(server).stream().map(JournalEntry::outcome).toList();
    }

    @ParameterizedTest
    @EnumSource(PgClients.Mode.class)
    void savepointRecoversAFailedBlock(PgClients.Mode mode) throws Exception {
        try (Connection c = PgClients.connect(server, mode); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            assertEquals(1, s.executeUpdate("INSERT INTO t (v) VALUES (1)"));
            Savepoint savepoint = c.setSavepoint("before_boom");
            SQLException boom = assertThrows(SQLException.class, () -> s.executeQuery("SELECT boom()"));
            assertEquals("22012", boom.getSQLState());

            SQLException aborted = assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO t (v) VALUES (2)"));
            assertEquals("25P02", aborted.getSQLState());
            assertTrue(aborted.getMessage().endsWith(ABORTED), aborted.getMessage());

            c.rollback(savepoint);
            try (ResultSet rs = s.executeQuery("SELECT v FROM t")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
            assertEquals(List.of("none", "none", "none", "none"), outcomes());
            c.commit();

            List<JournalEntry> journal = PgClients.scripted(server);
            assertEquals(List.of("insert", "boom", "rejected:25P02", "value"),
                    journal.stream().map(JournalEntry::ruleId).toList());
            // Outcomes are per transaction: this one committed, savepoint or not.
            assertEquals(List.of("committed", "committed", "committed", "committed"), outcomes());
            List<String> control = server.journal().stream().map(JournalEntry::sql).filter(
                    q -> q.contains("SAVEPOINT")).toList();
            assertEquals(List.of("SAVEPOINT \"before_boom\"", "ROLLBACK TO SAVEPOINT \"before_boom\""), control);
        }
    }

    @ParameterizedTest
    @EnumSource(PgClients.Mode.class)
    void commitOfAFailedBlockRollsBack(PgClients.Mode mode) throws Exception {
        try (Connection c = PgClients.connect(server, mode); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("INSERT INTO t (v) VALUES (1)");
            assertThrows(SQLException.class, () -> s.executeQuery("SELECT boom()"));
            SQLException aborted = assertThrows(SQLException.class, () -> s.executeQuery("SELECT v FROM t"));
            assertEquals("25P02", aborted.getSQLState());
            c.commit();
            assertEquals(List.of("rolled_back", "rolled_back", "rolled_back"), outcomes());

            // The session is usable again, in a new transaction.
            assertEquals(1, s.executeUpdate("INSERT INTO t (v) VALUES (3)"));
            c.rollback();
            assertEquals(List.of("rolled_back", "rolled_back", "rolled_back", "rolled_back"), outcomes());
            c.setAutoCommit(true);
            assertEquals(1, s.executeUpdate("INSERT INTO t (v) VALUES (4)"));
            assertEquals("committed", outcomes().get(4));
        }
    }

    @Test
    void psqlSeesRollbackAsTheTagOfCommitInAFailedBlock() throws Exception {
        PgClients.PsqlRun run = PgClients.psql(server, "BEGIN", "INSERT INTO t (v) VALUES (1)", "SELECT boom()",
                "SELECT v FROM t", "COMMIT", "SELECT v FROM t");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(List.of("BEGIN", "INSERT 0 1", "ROLLBACK", "1", "2"), run.lines());
        assertTrue(run.stderr().contains("ERROR:  division by zero"), run.stderr());
        assertTrue(run.stderr().contains("ERROR:  " + ABORTED), run.stderr());
        assertEquals(List.of("rolled_back", "rolled_back", "rolled_back", "committed"), outcomes());
    }

    @Test
    void psqlSavepointsInOneString() throws Exception {
        PgClients.PsqlRun run = PgClients.psql(server,
                "BEGIN; INSERT INTO t (v) VALUES (1); SAVEPOINT a; INSERT INTO t (v) VALUES (2)",
                "SELECT boom()", "RELEASE SAVEPOINT a", "ROLLBACK TO SAVEPOINT a",
                "INSERT INTO t (v) VALUES (3); COMMIT");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(List.of("BEGIN", "INSERT 0 1", "SAVEPOINT", "INSERT 0 1", "ROLLBACK", "INSERT 0 1", "COMMIT"),
                run.lines());
        // RELEASE is refused in the failed block; ROLLBACK TO is allowed.
        assertEquals(2, run.stderr().lines().filter(l -> l.startsWith("ERROR:")).count(), run.stderr());
        assertTrue(run.stderr().contains("ERROR:  " + ABORTED), run.stderr());
        assertEquals(List.of("insert", "insert", "boom", "insert"),
                PgClients.scripted(server).stream().filter(j -> !"rejected:25P02".equals(j.ruleId()))
                        .map(JournalEntry::ruleId).toList());
    }
}
