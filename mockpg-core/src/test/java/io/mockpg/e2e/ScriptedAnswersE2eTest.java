package io.mockpg.e2e;

import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scripted errors, notices, near misses and parameter templates as a client sees them. */
class ScriptedAnswersE2eTest {
    @AutoClose
    private static MockPgServer server;

    @BeforeAll
    static void start() {
        server = MockPgServer.builder().scriptYaml("""
                rules:
                  - id: duplicate-email
                    match: { sql: "INSERT INTO users (email) VALUES ($1)" }
                    respond:
                      notices:
                        - { severity: WARNING, code: "01000", message: "checking {{$1}}" }
                      error:
                        code: "23505"
                        message: duplicate key value violates unique constraint "users_email_key"
                        detail: "Key (email)=({{$1}}) already exists."
                        hint: Use another email.
                        schema: public
                        table: users
                        column: email
                        constraint: users_email_key
                  - id: greet
                    match: { sql: "SELECT greet($1)" }
                    respond:
                      notices:
                        - { severity: NOTICE, code: "00000", message: "hello {{$1}}", detail: greeted }
                      columns: [{greet: text}]
                      rows: [["hi {{$1}}"]]
                  - id: user-by-id
                    match:
                      sql: SELECT id, name FROM users WHERE id = $1
                      params: [42]
                    respond:
                      columns: [{id: int4}, {name: text}]
                      rows: [["{{$1}}", Alice]]
                """).start();
    }

    @BeforeEach
    void clear() {
        server.reset();
    }

    @ParameterizedTest
    @EnumSource(PgClients.Mode.class)
    void errorFieldsAndNoticesReachPgjdbc(PgClients.Mode mode) throws Exception {
        try (Connection c = PgClients.connect(server, mode);
             PreparedStatement p = c.prepareStatement("INSERT INTO users (email) VALUES (?)")) {
            p.setString(1, "a@example.com");
            PSQLException e = assertThrows(PSQLException.class, p::executeUpdate);
            ServerErrorMessage error = e.getServerErrorMessage();
            assertEquals("23505", error.getSQLState());
            assertEquals("ERROR", error.getSeverity());
            assertEquals("duplicate key value violates unique constraint \"users_email_key\"", error.getMessage());
            assertEquals("Key (email)=(a@example.com) already exists.", error.getDetail());
            assertEquals("Use another email.", error.getHint());
            assertEquals("public", error.getSchema());
            assertEquals("users", error.getTable());
            assertEquals("email", error.getColumn());
            assertEquals("users_email_key", error.getConstraint());
            SQLWarning warning = p.getWarnings();
            assertEquals("checking a@example.com", warning.getMessage());
            assertEquals("01000", warning.getSQLState());
        }
    }

    @ParameterizedTest
    @EnumSource(PgClients.Mode.class)
    void noticeBeforeRowsIsAWarning(PgClients.Mode mode) throws Exception {
        try (Connection c = PgClients.connect(server, mode);
             PreparedStatement p = c.prepareStatement("SELECT greet(?)")) {
            p.setString(1, "Bob");
            try (ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("hi Bob", rs.getString(1));
            }
            SQLWarning warning = p.getWarnings();
            assertEquals("hello Bob", warning.getMessage());
            assertNull(warning.getNextWarning());
        }
    }

    @Test
    void psqlShowsErrorFieldsAndNotices() throws Exception {
        PgClients.PsqlRun run = PgClients.psql(server, "\\set VERBOSITY verbose",
                "INSERT INTO users (email) VALUES ('b@example.com')", "SELECT greet('Eve')");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(List.of("hi Eve"), run.lines());
        String err = run.stderr();
        assertTrue(err.contains("WARNING:  01000: checking b@example.com"), err);
        assertTrue(err.contains("ERROR:  23505: duplicate key value violates unique constraint \"users_email_key\""), err);
        assertTrue(err.contains("DETAIL:  Key (email)=(b@example.com) already exists."), err);
        assertTrue(err.contains("HINT:  Use another email."), err);
        assertTrue(err.contains("SCHEMA NAME:  public"), err);
        assertTrue(err.contains("TABLE NAME:  users"), err);
        assertTrue(err.contains("COLUMN NAME:  email"), err);
        assertTrue(err.contains("CONSTRAINT NAME:  users_email_key"), err);
        assertTrue(err.contains("NOTICE:  00000: hello Eve"), err);
    }

    /** One rule serves bound parameters (extended), inlined literals (simple mode) and psql. */
    @ParameterizedTest
    @EnumSource(PgClients.Mode.class)
    void sameRuleAnswersBoundAndInlinedParameters(PgClients.Mode mode) throws Exception {
        try (Connection c = PgClients.connect(server, mode);
             PreparedStatement p = c.prepareStatement("SELECT id, name FROM users WHERE id = ?")) {
            p.setInt(1, 42);
            try (ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt("id"));
                assertEquals("Alice", rs.getString("name"));
                assertFalse(rs.next());
            }
        }
        JournalEntry entry = PgClients.scripted(server).get(0);
        assertEquals("user-by-id", entry.ruleId());
        assertEquals(List.of("42"), entry.params());
        assertEquals(mode == PgClients.Mode.SIMPLE ? "simple" : "extended", entry.protocol());
    }

    @Test
    void psqlLiteralMatchesThePlaceholderRule() throws Exception {
        PgClients.PsqlRun run = PgClients.psql(server, "SELECT id, name FROM users WHERE id = 42",
                "select ID, name from USERS where id = '42'::int4 -- same shape");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(List.of("42|Alice", "42|Alice"), run.lines());
        assertEquals(List.of(List.of("42"), List.of("42")),
                PgClients.scripted(server).stream().map(JournalEntry::params).toList());
        server.verify(2, "SELECT id, name FROM users WHERE id = $1");
        server.verifyNoUnmatched();
    }

    @ParameterizedTest
    @EnumSource(PgClients.Mode.class)
    void nearMissIsInTheClientsException(PgClients.Mode mode) throws Exception {
        try (Connection c = PgClients.connect(server, mode);
             PreparedStatement p = c.prepareStatement("SELECT id, name FROM users WHERE id = ?")) {
            p.setInt(1, 7);
            PSQLException e = assertThrows(PSQLException.class, p::executeQuery);
            assertEquals("MP001", e.getSQLState());
            String sent = mode == PgClients.Mode.SIMPLE ? "SELECT id, name FROM users WHERE id = ('7'::int4)"
                    : "SELECT id, name FROM users WHERE id = $1";
            assertEquals("mockpg: no rule matches: " + sent, e.getServerErrorMessage().getMessage());
            String detail = e.getServerErrorMessage().getDetail();
            assertTrue(detail.contains("closest rule \"user-by-id\""), detail);
            assertTrue(detail.contains("$1 expected 42, got 7"), detail);
            // pgjdbc puts the DETAIL into the exception's message, where a test log shows it.
            assertTrue(e.getMessage().contains("$1 expected 42, got 7"), e.getMessage());
        }
        assertEquals(1, server.unmatched().size());
        AssertionError report = assertThrows(AssertionError.class, server::verifyNoUnmatched);
        assertTrue(report.getMessage().contains("user-by-id"), report.getMessage());
    }

    @Test
    void psqlShowsTheNearMiss() throws Exception {
        PgClients.PsqlRun run = PgClients.psql(server, "SELECT id, name FROM users WHERE id = 8");
        assertEquals(1, run.exitCode());
        assertTrue(run.stderr().contains("ERROR:  mockpg: no rule matches: SELECT id, name FROM users WHERE id = 8"),
                run.stderr());
        assertTrue(run.stderr().contains("DETAIL:  ") && run.stderr().contains("$1 expected 42, got 8"),
                run.stderr());
    }

    @Test
    void unmatchedEmptyAnswersWithTheVerbsTag() throws Exception {
        try (MockPgServer empty = MockPgServer.builder().scriptYaml("unmatched: empty\nrules: []\n").start();
             Connection c = PgClients.connect(empty, PgClients.Mode.EXTENDED);
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT anything FROM nowhere")) {
                assertEquals(0, rs.getMetaData().getColumnCount());
                assertFalse(rs.next());
            }
            assertEquals(0, s.executeUpdate("UPDATE nowhere SET x = 1"));
            PgClients.PsqlRun run = PgClients.psql(empty, "DELETE FROM nowhere", "INSERT INTO nowhere VALUES (1)");
            assertEquals(0, run.exitCode(), run.stderr());
            assertEquals(List.of("DELETE 0", "INSERT 0 0"), run.lines());
            assertEquals(List.of("SELECT anything FROM nowhere", "UPDATE nowhere SET x = 1", "DELETE FROM nowhere",
                    "INSERT INTO nowhere VALUES (1)"), empty.unmatched().stream().map(JournalEntry::sql).toList());
        }
    }

    @Test
    void errorWithoutNoticesLeavesNoWarning() throws SQLException {
        try (Connection c = PgClients.connect(server, PgClients.Mode.EXTENDED); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeQuery("SELECT id, name FROM users WHERE id = 1"));
            assertNull(s.getWarnings());
        }
    }
}
