package io.mockpg.e2e;

import io.mockpg.Fault;
import io.mockpg.MockPgServer;
import io.mockpg.testing.RealPostgres;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.mockpg.MockPgDsl.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Injected faults (docs/resilience.md) as pgjdbc sees them, compared with the same failure
 * produced by a real PostgreSQL where it can be produced there: {@code pg_terminate_backend},
 * two serializable transactions, a deadlock, a cancel.
 */
class FaultInjectionE2eTest {
    @AutoClose
    private static MockPgServer server;

    @BeforeAll
    static void start() {
        server = MockPgServer.builder().scriptYaml("""
                rules:
                  - id: read
                    match: { sql: "SELECT v FROM faults_probe WHERE id = $1" }
                    respond: { columns: [{v: int4}], rows: [[7]] }
                  - id: many
                    match: { sql: "SELECT v FROM faults_probe" }
                    respond: { columns: [{v: int4}], rows: [["{{row}}"]], repeat: 3 }
                  - id: update
                    match: { sql: "UPDATE faults_probe SET v = v + 1 WHERE id = $1" }
                    respond: { affected: 1 }
                """).start();
    }

    @BeforeEach
    void clear() {
        server.reset();
    }

    /** What pgjdbc reports of an ErrorResponse: severity (S), SQLSTATE (C) and message (M). */
    record Reported(String severity, String sqlState, String message) {
        static Reported of(SQLException e) {
            ServerErrorMessage server = ((PSQLException) e).getServerErrorMessage();
            return new Reported(server.getSeverity(), server.getSQLState(), server.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(PgClients.Mode.class)
    void errorFaultsReachPgjdbcAsPostgresSendsThem(PgClients.Mode mode) throws SQLException {
        List<Reported> seen = new ArrayList<>();
        for (Fault fault : List.of(Fault.SERIALIZATION_FAILURE, Fault.DEADLOCK, Fault.QUERY_CANCELED)) {
            try (Connection c = PgClients.connect(server, mode)) {
                server.injectFault(1, fault);
                seen.add(Reported.of(assertThrows(SQLException.class, () -> readV(c))));
                assertEquals(7, readV(c), "the session goes on after an ERROR");
            }
        }
        assertEquals(List.of(
                new Reported("ERROR", "40001", "could not serialize access due to concurrent update"),
                new Reported("ERROR", "40P01", "deadlock detected"),
                new Reported("ERROR", "57014", "canceling statement due to user request")), seen);
    }

    @ParameterizedTest
    @EnumSource(PgClients.Mode.class)
    void adminShutdownIsFatalAndClosesTheConnection(PgClients.Mode mode) throws SQLException {
        try (Connection c = PgClients.connect(server, mode)) {
            server.injectFault(1, Fault.ADMIN_SHUTDOWN);
            SQLException e = assertThrows(SQLException.class, () -> readV(c));
            assertEquals(new Reported("FATAL", "57P01", "terminating connection due to administrator command"),
                    Reported.of(e));
            assertTrue(c.isClosed() || !c.isValid(1));
        }
        try (Connection next = PgClients.connect(server, mode)) {
            assertEquals(7, readV(next));
        }
    }

    @ParameterizedTest
    @EnumSource(PgClients.Mode.class)
    void connectionFaultsAreIoErrors(PgClients.Mode mode) throws SQLException {
        for (Fault fault : List.of(Fault.CONNECTION_CLOSED, Fault.CONNECTION_RESET, Fault.CLOSED_MID_RESULT)) {
            try (Connection c = PgClients.connect(server, mode); Statement s = c.createStatement()) {
                server.injectFault(1, fault);
                SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT v FROM faults_probe"));
                assertEquals("08006", e.getSQLState(), fault.name());
                assertEquals(fault == Fault.CONNECTION_RESET, causes(e).contains("Connection reset"), causes(e));
                assertFalse(c.isValid(1), fault.name());
            }
        }
        try (Connection next = PgClients.connect(server, mode)) {
            assertEquals(7, readV(next));
        }
    }

    @Test
    void closedMidResultSendsExactlyTheFirstDataRow() throws IOException, InterruptedException {
        try (RawPgClient client = new RawPgClient(server.host(), server.port())) {
            client.login();
            server.injectFault(1, Fault.CLOSED_MID_RESULT);
            client.send(RawPgClient.query("SELECT v FROM faults_probe"));
            assertEquals('T', client.read().type());
            RawPgClient.Message row = client.read();
            assertEquals('D', row.type());
            ByteBuffer body = row.buffer();
            assertEquals(1, body.getShort());
            byte[] value = new byte[body.getInt()];
            body.get(value);
            assertEquals("1", new String(value, StandardCharsets.US_ASCII));
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void adminShutdownSendsTheFieldsPostgresSendsThenCloses() throws IOException, InterruptedException {
        try (RawPgClient client = new RawPgClient(server.host(), server.port())) {
            client.login();
            server.injectFault(1, Fault.ADMIN_SHUTDOWN);
            client.send(RawPgClient.query("SELECT v FROM faults_probe"));
            RawPgClient.Message error = client.read();
            assertEquals('E', error.type());
            // PostgreSQL 15 sends S, V, C, M, then its source location (F, L, R), which mockpg has not
            assertEquals(List.of("SFATAL", "VFATAL", "C57P01", "Mterminating connection due to administrator command"),
                    fields(error.buffer()));
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void positionsCountOnlyStatementsThatRulesAnswered() throws SQLException {
        try (Connection c = PgClients.connect(server, PgClients.Mode.EXTENDED); Statement s = c.createStatement()) {
            server.injectFault(2, Fault.SERIALIZATION_FAILURE);
            c.setAutoCommit(false);                       // BEGIN: built-in, not counted
            assertEquals(7, readV(c));                    // 1st scripted
            s.execute("SET application_name = 'sweep'");  // built-in
            assertNull(c.getWarnings());
            SQLException e = assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE faults_probe SET v = v + 1 WHERE id = 1"));
            assertEquals("40001", e.getSQLState());
            c.rollback();
            assertEquals(1, s.executeUpdate("UPDATE faults_probe SET v = v + 1 WHERE id = 1"));
            c.commit();
        }
        server.verify(2, "UPDATE faults_probe SET v = v + 1 WHERE id = $1");
        // the faulted UPDATE ended with its rolled-back transaction, the retried one committed
        server.verify(1, statement("UPDATE faults_probe SET v = v + 1 WHERE id = $1").rolledBack());
        server.verify(1, statement("UPDATE faults_probe SET v = v + 1 WHERE id = $1").committed());
    }

    @Test
    void resetAndClearFaultsDropWhatWasNotPlayed() throws SQLException {
        try (Connection c = PgClients.connect(server, PgClients.Mode.EXTENDED)) {
            server.injectFault(1, Fault.DEADLOCK);
            server.reset();
            assertEquals(7, readV(c));
            server.injectFault(1, Fault.DEADLOCK);
            server.clearFaults();
            assertEquals(7, readV(c));
            assertThrows(IllegalArgumentException.class, () -> server.injectFault(0, Fault.DEADLOCK));
        }
    }

    @Test
    void aRetryGetsTheAnswerTheRuleWouldHaveGiven() throws SQLException {
        server.addScriptYaml("""
                rules:
                  - match: { sql: "SELECT v FROM faults_probe WHERE id = 2" }
                    respond: [{ columns: [{v: int4}], rows: [[1]] }, { columns: [{v: int4}], rows: [[2]] }]
                """);
        try (Connection c = PgClients.connect(server, PgClients.Mode.SIMPLE); Statement s = c.createStatement()) {
            server.injectFault(1, Fault.SERIALIZATION_FAILURE);
            assertThrows(SQLException.class, () -> s.executeQuery("SELECT v FROM faults_probe WHERE id = 2"));
            try (ResultSet rs = s.executeQuery("SELECT v FROM faults_probe WHERE id = 2")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    // --- the same failures from the real PostgreSQL -------------------------------------------

    @Test
    void realPostgresTerminatedBackendMatches() throws Exception {
        try (Connection victim = realConnection(); Connection admin = realConnection();
             Statement s = admin.createStatement()) {
            int pid = pid(victim);
            try (ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(" + pid + ")")) {
                assertTrue(rs.next());
                assertTrue(rs.getBoolean(1));
            }
            SQLException e = assertThrows(SQLException.class, () -> victim.createStatement().executeQuery("SELECT 1"));
            assertEquals(new Reported("FATAL", "57P01", "terminating connection due to administrator command"),
                    Reported.of(e));
            assertFalse(victim.isValid(1));
        }
    }

    @Test
    void realPostgresSerializationFailureMatches() throws Exception {
        try (Connection setup = realConnection(); Statement s = setup.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS faults_probe (id int PRIMARY KEY, v int)");
            s.execute("INSERT INTO faults_probe VALUES (1, 0) ON CONFLICT DO NOTHING");
        }
        try (Connection a = realConnection(); Connection b = realConnection()) {
            for (Connection c : List.of(a, b)) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                assertTrue(readV(c) >= 0);
            }
            a.createStatement().executeUpdate("UPDATE faults_probe SET v = v + 1 WHERE id = 1");
            a.commit();
            SQLException e = assertThrows(SQLException.class,
                    () -> b.createStatement().executeUpdate("UPDATE faults_probe SET v = v + 1 WHERE id = 1"));
            b.rollback();
            assertEquals(new Reported("ERROR", "40001", "could not serialize access due to concurrent update"),
                    Reported.of(e));
        }
    }

    @Test
    void realPostgresDeadlockMatches() throws Exception {
        try (Connection setup = realConnection(); Statement s = setup.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS faults_probe (id int PRIMARY KEY, v int)");
            s.execute("INSERT INTO faults_probe VALUES (1, 0), (2, 0) ON CONFLICT DO NOTHING");
        }
        try (Connection a = realConnection(); Connection b = realConnection()) {
            for (Connection c : List.of(a, b)) {
                c.setAutoCommit(false);
                c.createStatement().execute("SET deadlock_timeout = '50ms'");
            }
            a.createStatement().executeUpdate("UPDATE faults_probe SET v = v + 1 WHERE id = 1");
            b.createStatement().executeUpdate("UPDATE faults_probe SET v = v + 1 WHERE id = 2");
            int pidA = pid(a);
            CompletableFuture<SQLException> first = CompletableFuture.supplyAsync(
                    () -> failure(a, "UPDATE faults_probe SET v = v + 1 WHERE id = 2"));
            awaitLockWait(pidA);
            SQLException second = failure(b, "UPDATE faults_probe SET v = v + 1 WHERE id = 1");
            SQLException firstFailure = first.get(10, TimeUnit.SECONDS);
            SQLException victim = second != null ? second : firstFailure;
            a.rollback();
            b.rollback();
            assertEquals(new Reported("ERROR", "40P01", "deadlock detected"), Reported.of(victim));
            assertEquals("See server log for query details.",
                    ((PSQLException) victim).getServerErrorMessage().getHint());
        }
    }

    @Test
    void realPostgresCancelMatchesAndStatementTimeoutDiffers() throws Exception {
        try (Connection c = realConnection(); Statement s = c.createStatement()) {
            int pid = pid(c);
            CompletableFuture<SQLException> sleeping = CompletableFuture.supplyAsync(() -> failure(c, "SELECT pg_sleep(30)"));
            awaitState(pid, "pg_sleep");
            c.unwrap(org.postgresql.PGConnection.class).cancelQuery();
            assertEquals(new Reported("ERROR", "57014", "canceling statement due to user request"),
                    Reported.of(sleeping.get(10, TimeUnit.SECONDS)));
            s.execute("SET statement_timeout = '20ms'");
            SQLException timeout = assertThrows(SQLException.class, () -> s.executeQuery("SELECT pg_sleep(5)"));
            // Fault.QUERY_CANCELED plays the cancel; a statement_timeout says so in its message
            assertEquals(new Reported("ERROR", "57014", "canceling statement due to statement timeout"),
                    Reported.of(timeout));
        }
    }

    private static SQLException failure(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    private static void awaitLockWait(int pid) throws SQLException, InterruptedException {
        awaitCondition("SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = " + pid);
    }

    private static void awaitState(int pid, String query) throws SQLException, InterruptedException {
        awaitCondition("SELECT state = 'active' AND query LIKE '%" + query + "%' FROM pg_stat_activity WHERE pid = " + pid);
    }

    /** Polls the real server's activity view: the other session's progress is its to report. */
    private static void awaitCondition(String sql) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection monitor = realConnection(); Statement s = monitor.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return;
                    }
                }
                TimeUnit.MILLISECONDS.sleep(5);
            }
        }
        throw new AssertionError("not reached in 10 s: " + sql);
    }

    private static int readV(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT v FROM faults_probe WHERE id = ?")) {
            p.setInt(1, 1);
            try (ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next());
                return rs.getInt(1);
            }
        }
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    private static Connection realConnection() throws SQLException {
        String base = RealPostgres.jdbcUrl();
        String url = base.substring(0, base.lastIndexOf('/') + 1) + "faults";
        ensureDatabase(base);
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        return java.sql.DriverManager.getConnection(url, props);
    }

    private static boolean databaseReady;

    private static synchronized void ensureDatabase(String base) throws SQLException {
        if (databaseReady) {
            return;
        }
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        try (Connection c = java.sql.DriverManager.getConnection(base.substring(0, base.lastIndexOf('/') + 1) + "postgres",
                props); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = 'faults'")) {
            assertTrue(rs.next());
            if (rs.getInt(1) == 0) {
                s.execute("CREATE DATABASE faults OWNER app");
            }
        }
        databaseReady = true;
    }

    private static List<String> fields(ByteBuffer body) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (body.hasRemaining()) {
            byte b = body.get();
            if (b == 0) {
                if (field.isEmpty()) {
                    break;
                }
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append((char) b);
            }
        }
        return fields;
    }

    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append(" / ");
        }
        return text.toString();
    }
}
