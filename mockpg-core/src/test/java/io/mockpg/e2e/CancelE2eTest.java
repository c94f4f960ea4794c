package io.mockpg.e2e;

import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A delayed answer ended by a CancelRequest (https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-CANCELING-REQUESTS): {@code Statement.cancel()} from another
 * thread and {@code setQueryTimeout} both get 57014 "canceling statement due to user request"
 * long before the 10 s delay, and the connection keeps working. (psql cannot be cancelled from
 * a test without a terminal, so it is not covered here.)
 */
class CancelE2eTest {
    @AutoClose
    private static MockPgServer server;

    @BeforeAll
    static void start() {
        server = MockPgServer.builder().scriptYaml("""
                rules:
                  - id: slow
                    match: { sql: "SELECT slow_report($1)" }
                    respond:
                      delay: 10s
                      columns: [{report: text}]
                      rows: [[done]]
                  - id: fast
                    match: { sql: "SELECT fast_report()" }
                    respond:
                      columns: [{report: text}]
                      rows: [[quick]]
                """).start();
    }

    @BeforeEach
    void clear() {
        server.reset();
    }

    @ParameterizedTest
    @EnumSource(PgClients.Mode.class)
    void cancelFromAnotherThread(PgClients.Mode mode) throws Exception {
        try (Connection c = PgClients.connect(server, mode); Statement s = c.createStatement()) {
            CompletableFuture<Void> canceller = CompletableFuture.runAsync(() -> {
                try {
                    awaitJournalled("slow");
                    s.cancel();
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT slow_report(1)"));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            canceller.get(5, TimeUnit.SECONDS);
            assertEquals("57014", e.getSQLState());
            assertTrue(e.getMessage().contains("canceling statement due to user request"), e.getMessage());
            assertTrue(millis < 5000, "took " + millis + " ms");
            assertStillWorks(s);
        }
    }

    @ParameterizedTest
    @EnumSource(PgClients.Mode.class)
    void queryTimeout(PgClients.Mode mode) throws Exception {
        try (Connection c = PgClients.connect(server, mode); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT slow_report(2)"));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals("57014", e.getSQLState());
            assertTrue(millis >= 900 && millis < 5000, "took " + millis + " ms");
            s.setQueryTimeout(0);
            assertStillWorks(s);
        }
    }

    private static void assertStillWorks(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT fast_report()")) {
            assertTrue(rs.next());
            assertEquals("quick", rs.getString(1));
        }
        List<JournalEntry> journal = PgClients.scripted(server);
        assertEquals(List.of("slow", "fast"), journal.stream().map(JournalEntry::ruleId).toList());
        assertEquals(List.of("rolled_back", "committed"), journal.stream().map(JournalEntry::outcome).toList());
    }

    /** Waits until the statement reached the server, so the cancel cannot overtake it. */
    private static void awaitJournalled(String ruleId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (PgClients.scripted(server).stream().noneMatch(j -> ruleId.equals(j.ruleId()))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("statement never arrived: " + server.journal());
            }
            Thread.sleep(10);
        }
    }
}
