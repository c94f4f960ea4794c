package io.mockpg.e2e;

import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drain (README.md, "Standalone server"): close() stops accepting, ends an idle session with FATAL 57P01 at once,
 * and lets a session in a transaction finish it; then that session is closed too.
 */
class DrainE2eTest {
    @Test
    void idleSessionEndsAtOnceBusyOneFinishesItsTransaction() throws Exception {
        MockPgServer server = MockPgServer.builder().drainTimeout(Duration.ofSeconds(5)).scriptYaml("""
                rules:
                  - id: insert
                    match: { sql: "INSERT INTO t (v) VALUES ($1)" }
                    respond: { affected: 1 }
                """).start();
        CompletableFuture<Long> closing = null;
        try (RawPgClient idle = new RawPgClient(server.host(), server.port());
             Connection busy = PgClients.connect(server, PgClients.Mode.EXTENDED);
             Statement s = busy.createStatement()) {
            idle.login();
            busy.setAutoCommit(false);
            assertEquals(1, s.executeUpdate("INSERT INTO t (v) VALUES (1)"));

            closing = CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                server.close();
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            });

            RawPgClient.Message error = idle.read();
            assertEquals('E', error.type());
            Map<Character, String> fields = error.fields();
            assertEquals("FATAL", fields.get('S'));
            assertEquals("57P01", fields.get('C'));
            assertEquals("terminating connection due to administrator command", fields.get('M'));
            assertTrue(idle.closedByServer());

            // No new connections while draining.
            SQLException refused = assertThrows(SQLException.class,
                    () -> PgClients.connect(server, PgClients.Mode.EXTENDED).close());
            assertEquals("08001", refused.getSQLState());

            // The session in a transaction is still served and can commit.
            assertFalse(closing.isDone());
            assertEquals(1, s.executeUpdate("INSERT INTO t (v) VALUES (2)"));
            busy.commit();
            long millis = closing.get(5, TimeUnit.SECONDS);
            assertTrue(millis < 5000, "close took " + millis + " ms");

            List<JournalEntry> journal = PgClients.scripted(server);
            assertEquals(List.of("committed", "committed"), journal.stream().map(JournalEntry::outcome).toList());
            SQLException gone = assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO t (v) VALUES (3)"));
            assertTrue(gone.getSQLState().startsWith("57P01") || gone.getSQLState().startsWith("08"),
                    gone.getSQLState() + " " + gone.getMessage());
        } finally {
            if (closing == null) {
                server.close();
            }
        }
    }

    @Test
    void busySessionIsClosedAfterTheDrainTimeout() throws Exception {
        MockPgServer server = MockPgServer.builder().drainTimeout(Duration.ofMillis(300)).scriptYaml("rules: []")
                .start();
        try (Connection busy = PgClients.connect(server, PgClients.Mode.EXTENDED); Statement s = busy.createStatement()) {
            busy.setAutoCommit(false);
            s.execute("SELECT 1");
            long start = System.nanoTime();
            server.close();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis >= 250 && millis < 3000, "close took " + millis + " ms");
            assertThrows(SQLException.class, () -> s.execute("SELECT 1"));
            assertEquals("rolled_back", server.journal().get(server.journal().size() - 1).outcome());
        }
    }
}
