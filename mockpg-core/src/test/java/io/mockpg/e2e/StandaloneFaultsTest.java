package io.mockpg.e2e;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a test needs to exercise an application's error, reconnect and retry paths (docs/script-reference.md, "respond"). */
class StandaloneFaultsTest {
    private static final String SCRIPT = """
            server:
              max_connections: 3
            rules:
              - id: healthy
                match: {sql: SELECT 'ok'}
                respond:
                  columns: [{status: text}]
                  rows: [[ok]]
              - id: dropped
                match: {sql: SELECT * FROM flaky_close}
                respond: {fault: close}
              - id: reset
                match: {sql: SELECT * FROM flaky_reset}
                respond: {fault: reset}
              - id: half-result
                match: {sql: SELECT n FROM big}
                respond:
                  columns: [{n: int4}]
                  rows: [["{{row}}"]]
                  repeat: 100
                  fault: {type: close, after_rows: 2}
              - id: slow
                match: {sql: SELECT * FROM slow_report}
                respond:
                  delay: 400ms
                  columns: [{n: int4}]
                  rows: [[1]]
              - id: hanging
                match: {sql: SELECT * FROM hanging_report}
                respond:
                  delay: 60s
                  columns: [{n: int4}]
                  rows: [[1]]
              - id: duplicate
                match: {sql: "INSERT INTO users (email) VALUES ($1)"}
                respond:
                  notices: [{severity: WARNING, code: "01000", message: "checking {{$1}}"}]
                  error:
                    code: "23505"
                    message: duplicate key value violates unique constraint "users_email_key"
                    detail: Key (email)=({{$1}}) already exists.
                    hint: use another address
                    schema: public
                    table: users
                    column: email
                    constraint: users_email_key
              - id: admin-kill
                match: {sql: SELECT * FROM killed}
                respond:
                  error: {code: 57P01, severity: FATAL, message: terminating connection due to administrator command}
            """;

    MockPgServer server;
    final List<Connection> open = new ArrayList<>();

    @BeforeEach
    void start() {
        server = MockPgServer.builder().scriptYaml(SCRIPT).start();
    }

    @AfterEach
    void stop() throws SQLException {
        for (Connection c : open) {
            c.close();
        }
        server.close();
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(server.jdbcUrl(), "app", "x");
        open.add(c);
        return c;
    }

    private static String ok(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 'ok'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static SQLException failure(Connection c, String sql) {
        return assertThrows(SQLException.class, () -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        });
    }

    @Test
    void closeAndResetFaultsBreakTheConnectionAndAReconnectWorks() throws Exception {
        Connection c = connect();
        assertEquals("08006", failure(c, "SELECT * FROM flaky_close").getSQLState());
        assertTrue(c.isClosed() || !c.isValid(2));
        Connection d = connect();
        SQLException reset = failure(d, "SELECT * FROM flaky_reset");
        assertEquals("08006", reset.getSQLState());
        assertTrue(String.valueOf(reset.getCause()).contains("reset") || String.valueOf(reset.getCause()).contains("EOF"),
                String.valueOf(reset.getCause()));
        assertEquals("ok", ok(connect()));
    }

    @Test
    void afterRowsSendsThatManyRowsThenCloses() throws Exception {
        Connection c = connect();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.setFetchSize(1); // one row per Execute: the rows before the fault arrive one by one
            ResultSet rs = s.executeQuery("SELECT n FROM big");
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(1));
            SQLException broken = assertThrows(SQLException.class, rs::next);
            assertEquals("08006", broken.getSQLState());
        }
    }

    @Test
    void delayHoldsTheAnswerAndACancelEndsItWith57014() throws Exception {
        Connection c = connect();
        long started = System.nanoTime();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM slow_report")) {
            assertTrue(rs.next());
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 400);

        try (Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            started = System.nanoTime();
            SQLException canceled = assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM hanging_report"));
            assertEquals("57014", canceled.getSQLState());
            assertEquals("ERROR: canceling statement due to user request", canceled.getMessage());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 30);
        }
        assertEquals("ok", ok(c), "the session survives a cancel");
    }

    @Test
    void anErrorCarriesEveryFieldAndNoticesComeFirst() throws Exception {
        Connection c = connect();
        try (Statement s = c.createStatement()) {
            PSQLException error = assertThrows(PSQLException.class,
                    () -> s.executeUpdate("INSERT INTO users (email) VALUES ('a@example.com')"));
            ServerErrorMessage fields = error.getServerErrorMessage();
            assertEquals("23505", fields.getSQLState());
            assertEquals("ERROR", fields.getSeverity());
            assertEquals("duplicate key value violates unique constraint \"users_email_key\"", fields.getMessage());
            assertEquals("Key (email)=(a@example.com) already exists.", fields.getDetail());
            assertEquals("use another address", fields.getHint());
            assertEquals("public", fields.getSchema());
            assertEquals("users", fields.getTable());
            assertEquals("email", fields.getColumn());
            assertEquals("users_email_key", fields.getConstraint());
            SQLWarning warning = s.getWarnings();
            assertEquals("checking a@example.com", warning == null ? null : warning.getMessage());
        }
        assertEquals("ok", ok(c));
    }

    @Test
    void aFatal57P01OnAChosenStatementClosesTheConnectionAndAReconnectWorks() throws Exception {
        Connection c = connect();
        assertEquals("ok", ok(c));
        SQLException killed = failure(c, "SELECT * FROM killed");
        assertEquals("57P01", killed.getSQLState());
        assertTrue(killed.getMessage().contains("terminating connection due to administrator command"));
        assertFalse(c.isValid(2));
        assertEquals("ok", ok(connect()));
    }

    @Test
    void connectionsBeyondMaxConnectionsAreRefusedWith53300() throws Exception {
        Connection first = connect();
        connect();
        connect();
        SQLException refused = assertThrows(SQLException.class, this::connect);
        assertEquals("53300", refused.getSQLState());
        assertTrue(refused.getMessage().contains("sorry, too many clients already"), refused.getMessage());

        first.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.sessionCount() > 2) {
            assertTrue(System.nanoTime() < deadline, "the closed session is not released");
            Thread.sleep(10);
        }
        assertEquals("ok", ok(connect()));
    }
}
