package io.mockpg.e2e;

import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JDBC batches: pgjdbc pipelines the whole batch (Parse/Bind/Execute per entry, one Sync).
 * An error skips the rest of the batch up to the Sync, and the connection works afterwards.
 * In simple mode pgjdbc sends one Query per entry, so each runs on its own. Compared with
 * PostgreSQL 15 and pgjdbc 42.7.8: extended modes report every count as EXECUTE_FAILED and keep
 * no row; simple mode reports {@code [1, 1, -3, 1, 1]} and keeps four rows.
 */
class BatchE2eTest {
    @AutoClose
    private static MockPgServer server;

    @BeforeAll
    static void start() {
        server = MockPgServer.builder().scriptYaml("""
                rules:
                  - id: duplicate
                    match:
                      sql: "INSERT INTO orders (id, amount) VALUES ($1, $2)"
                      params: [3, {any: true}]
                    respond:
                      error:
                        code: "23505"
                        message: duplicate key value violates unique constraint "orders_pkey"
                        detail: "Key (id)=(3) already exists."
                        constraint: orders_pkey
                  - id: insert
                    match: { sql: "INSERT INTO orders (id, amount) VALUES ($1, $2)" }
                    respond: { affected: 1 }
                  - id: update
                    match: { sql: "UPDATE orders SET amount = $1 WHERE id > $2" }
                    respond: { affected: 4 }
                  - id: total
                    match: { sql: "SELECT sum(amount) FROM orders" }
                    respond:
                      columns: [{sum: numeric}]
                      rows: [["12.50"]]
                """).start();
    }

    @BeforeEach
    void clear() {
        server.reset();
    }

    @ParameterizedTest
    @EnumSource(PgClients.Mode.class)
    void batchWithAnErrorSkipsTheRestAndTheConnectionRecovers(PgClients.Mode mode) throws Exception {
        try (Connection c = PgClients.connect(server, mode);
             PreparedStatement insert = c.prepareStatement("INSERT INTO orders (id, amount) VALUES (?, ?)")) {
            for (int id = 1; id <= 5; id++) {
                insert.setInt(1, id);
                insert.setBigDecimal(2, new java.math.BigDecimal("2.50"));
                insert.addBatch();
            }
            BatchUpdateException e = assertThrows(BatchUpdateException.class, insert::executeBatch);
            assertEquals("23505", e.getSQLState());
            assertTrue(e.getMessage().contains("orders_pkey"), e.getMessage());

            List<JournalEntry> journal = PgClients.scripted(server);
            assertEquals(List.of("3", "2.50"), journal.get(2).params());
            if (mode == PgClients.Mode.SIMPLE) {
                assertArrayEquals(new int[] {1, 1, Statement.EXECUTE_FAILED, 1, 1}, e.getUpdateCounts());
                assertEquals(List.of("insert", "insert", "duplicate", "insert", "insert"),
                        journal.stream().map(JournalEntry::ruleId).toList());
                assertEquals(List.of("committed", "committed", "rolled_back", "committed", "committed"),
                        journal.stream().map(JournalEntry::outcome).toList());
            } else {
                int[] failed = new int[5];
                java.util.Arrays.fill(failed, Statement.EXECUTE_FAILED);
                assertArrayEquals(failed, e.getUpdateCounts());
                // Entries 4 and 5 were skipped up to the Sync; the implicit transaction rolled back.
                assertEquals(List.of("insert", "insert", "duplicate"), journal.stream().map(JournalEntry::ruleId).toList());
                assertTrue(journal.stream().allMatch(j -> j.outcome().equals("rolled_back")), journal.toString());
            }

            // The next statement on the same connection runs: the Sync ended the failed batch.
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sum(amount) FROM orders")) {
                assertTrue(rs.next());
                assertEquals(new java.math.BigDecimal("12.50"), rs.getBigDecimal(1));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PgClients.Mode.class)
    void successfulBatchReportsAffectedCounts(PgClients.Mode mode) throws Exception {
        try (Connection c = PgClients.connect(server, mode); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.addBatch("INSERT INTO orders (id, amount) VALUES (10, 1.25)");
            s.addBatch("UPDATE orders SET amount = 0 WHERE id > 7");
            s.addBatch("INSERT INTO orders (id, amount) VALUES (11, 2)");
            assertArrayEquals(new int[] {1, 4, 1}, s.executeBatch());
            assertEquals(List.of("none", "none", "none"),
                    PgClients.scripted(server).stream().map(JournalEntry::outcome).toList());
            c.commit();
            List<JournalEntry> journal = PgClients.scripted(server);
            assertEquals(List.of("insert", "update", "insert"), journal.stream().map(JournalEntry::ruleId).toList());
            if (mode == PgClients.Mode.SIMPLE) {
                // Literals inlined in a simple-protocol statement are journalled as its params.
                assertEquals(List.of("10", "1.25"), journal.get(0).params());
                assertEquals(List.of("0", "7"), journal.get(1).params());
            } else {
                assertEquals(List.of(), journal.get(0).params());
                assertEquals("UPDATE orders SET amount = 0 WHERE id > 7", journal.get(1).sql());
            }
            assertTrue(journal.stream().allMatch(j -> j.outcome().equals("committed")), journal.toString());
        }
    }
}
