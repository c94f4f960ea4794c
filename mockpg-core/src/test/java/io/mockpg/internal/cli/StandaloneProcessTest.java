package io.mockpg.internal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standalone server as a real process: announcement, logs, exit statuses and the SIGTERM drain (README.md, "Standalone server"). */
class StandaloneProcessTest {
    private static final String SCRIPT = """
            rules:
              - id: user-by-id
                match: {sql: "SELECT name FROM users WHERE id = $1"}
                respond:
                  columns: [{name: text}]
                  rows: [[Alice]]
              - id: debit
                match: {sql: "UPDATE accounts SET balance = balance - $1 WHERE id = $2"}
                respond: {affected: 1}
            """;

    @TempDir
    Path directory;

    private Path script() throws Exception {
        Path script = directory.resolve("shop.yaml");
        Files.writeString(script, SCRIPT);
        return script;
    }

    private static Connection connect(StandaloneProcess server, String applicationName) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "app");
        properties.setProperty("password", "x");
        properties.setProperty("ApplicationName", applicationName);
        // sends application_name in the startup packet instead of a SET afterwards
        properties.setProperty("assumeMinServerVersion", "9.0");
        return DriverManager.getConnection(server.jdbcUrl("shop"), properties);
    }

    @Test
    void announcesItselfWritesThePortFileAndLogsConnectionsAndUnmatchedStatements() throws Exception {
        try (StandaloneProcess server = StandaloneProcess.start(directory, "--script", script().toString(),
                "--admin-port", "0")) {
            assertEquals(List.of("mockpg listening on 127.0.0.1:" + server.port(),
                    "mockpg admin on http://127.0.0.1:" + server.adminPort()), server.stdout().lines().toList());
            assertEquals(server.port() + "\n", Files.readString(directory.resolve("mockpg.port")));
            try (Connection c = connect(server, "billing-job"); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT name FROM users WHERE id = 7")) {
                    assertTrue(rs.next());
                    assertEquals("Alice", rs.getString(1));
                }
                PSQLException unmatched = assertThrows(PSQLException.class, () -> s.execute("SELECT nothing_here"));
                assertEquals("MP001", unmatched.getSQLState());
            }
            assertTrue(StandaloneProcess.await(Duration.ofSeconds(5), () -> stderr(server).contains("no rule matches")));
            String log = server.stderr();
            assertTrue(log.matches("(?s).*\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO SessionHandler - connection \\d+: "
                    + "user=app database=shop application_name=billing-job\n.*"), log);
            assertTrue(log.matches("(?s).*\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO ScriptSession - connection \\d+: "
                    + "no rule matches: SELECT nothing_here\n.*"), log);
            assertFalse(log.contains("DEBUG"), "INFO is the default level:\n" + log);
            assertFalse(log.contains("SELECT name FROM users"), "matched statements are not logged at INFO:\n" + log);
        }
    }

    @Test
    void debugLevelFromTheEnvironmentLogsEveryStatement() throws Exception {
        try (StandaloneProcess server = StandaloneProcess.start(directory, Map.of("MOCKPG_LOG_LEVEL", "debug"),
                "--script", script().toString());
             Connection c = connect(server, "debugging");
             Statement s = c.createStatement()) {
            s.executeQuery("SELECT name FROM users WHERE id = 7").close();
            assertTrue(StandaloneProcess.await(Duration.ofSeconds(5),
                    () -> stderr(server).contains("rule user-by-id answers: SELECT name FROM users WHERE id = 7 [7]")),
                    server.stderr());
            assertTrue(server.stderr().contains("DEBUG ScriptSession - connection "), server.stderr());
        }
    }

    @Test
    void aBadScriptMakesTheProcessExitWithTwoAndFileLineColumnLines() throws Exception {
        Path script = directory.resolve("broken.yaml");
        Files.writeString(script, "rules:\n  - respond: {tag: 7, colums: []}\n");
        StandaloneProcess process = StandaloneProcess.launch(directory, Map.of(),
                List.of("--script", "broken.yaml", "--port", "0"));
        assertEquals(2, process.awaitExit(Duration.ofSeconds(30)));
        List<String> lines = process.stderr().lines().filter(line -> line.startsWith("broken.yaml:")).toList();
        assertTrue(lines.size() >= 1, process.stderr());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("broken.yaml:2:")
                && line.contains("did you mean 'columns'")), process.stderr());
        assertEquals("", process.stdout());
    }

    @Test
    void sigtermEndsIdleSessionsAtOnceAndLetsAnOpenTransactionCommit() throws Exception {
        try (StandaloneProcess server = StandaloneProcess.start(directory, "--script", script().toString(),
                "--drain-timeout", "20s");
             Connection inTransaction = connect(server, "transfer");
             Connection idle = connect(server, "idle")) {
            inTransaction.setAutoCommit(false);
            try (Statement s = inTransaction.createStatement()) {
                assertEquals(1, s.executeUpdate("UPDATE accounts SET balance = balance - 10 WHERE id = 1"));
            }
            try (Statement s = idle.createStatement()) {
                s.executeQuery("SELECT 1").close();
            }
            long signalled = System.nanoTime();
            server.terminate();

            // the idle session is terminated as by pg_terminate_backend: its first failure is 57P01
            SQLException terminated = firstFailure(idle, Duration.ofSeconds(10));
            assertEquals("57P01", terminated.getSQLState(), terminated.getMessage());
            // no new sessions
            assertThrows(SQLException.class, () -> connect(server, "late").close());
            assertTrue(server.process().isAlive(), "the open transaction holds the drain");

            inTransaction.commit();
            assertEquals(0, server.awaitExit(Duration.ofSeconds(15)));
            assertTrue(Duration.ofNanos(System.nanoTime() - signalled).compareTo(Duration.ofSeconds(20)) < 0);
            SQLException closed = assertThrows(SQLException.class, () -> {
                try (Statement s = inTransaction.createStatement()) {
                    s.executeQuery("SELECT 1").close();
                }
            });
            assertTrue(closed.getSQLState().equals("57P01") || closed.getSQLState().startsWith("08"),
                    closed.getSQLState() + " " + closed.getMessage());
        }
    }

    @Test
    void sigtermClosesATransactionThatOutlivesTheDrainTimeout() throws Exception {
        try (StandaloneProcess server = StandaloneProcess.start(directory, "--script", script().toString(),
                "--drain-timeout", "500ms");
             Connection inTransaction = connect(server, "stuck")) {
            inTransaction.setAutoCommit(false);
            try (Statement s = inTransaction.createStatement()) {
                s.executeUpdate("UPDATE accounts SET balance = balance - 10 WHERE id = 1");
            }
            long signalled = System.nanoTime();
            server.terminate();
            assertEquals(0, server.awaitExit(Duration.ofSeconds(15)));
            Duration took = Duration.ofNanos(System.nanoTime() - signalled);
            assertTrue(took.compareTo(Duration.ofMillis(400)) >= 0, "waited for the transaction: " + took);
            assertThrows(SQLException.class, inTransaction::commit);
        }
    }

    /** Runs SELECT 1 until it fails; the failure. */
    private static SQLException firstFailure(Connection connection, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Statement s = connection.createStatement()) {
                s.executeQuery("SELECT 1").close();
            } catch (SQLException e) {
                return e;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the session was not terminated within " + timeout);
    }

    private static String stderr(StandaloneProcess server) {
        try {
            return server.stderr();
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
