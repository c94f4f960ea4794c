package io.mockpg.e2e;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenario state across transactions (docs/script-reference.md): a rolled-back move is undone. */
class ScenarioE2eTest {
    @AutoClose
    private static MockPgServer server;

    @BeforeAll
    static void start() {
        server = MockPgServer.builder().scriptYaml("""
                rules:
                  - id: pay
                    scenario: order
                    state: Started
                    next_state: Paid
                    match: { sql: "UPDATE orders SET status = 'paid' WHERE id = $1" }
                    respond: { affected: 1 }
                  - id: status-open
                    scenario: order
                    state: Started
                    match: { sql: "SELECT status FROM orders WHERE id = $1" }
                    respond: { columns: [{status: text}], rows: [[open]] }
                  - id: status-paid
                    scenario: order
                    state: Paid
                    match: { sql: "SELECT status FROM orders WHERE id = $1" }
                    respond: { columns: [{status: text}], rows: [[paid]] }
                """).start();
    }

    @BeforeEach
    void clear() {
        server.reset();
    }

    private static String status(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT status FROM orders WHERE id = ?")) {
            p.setInt(1, 1);
            try (ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    private static int pay(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE orders SET status = 'paid' WHERE id = ?")) {
            p.setInt(1, 1);
            return p.executeUpdate();
        }
    }

    @ParameterizedTest
    @EnumSource(PgClients.Mode.class)
    void rollbackUndoesTheMoveAndCommitKeepsIt(PgClients.Mode mode) throws Exception {
        try (Connection c = PgClients.connect(server, mode); Connection other = PgClients.connect(server, mode)) {
            c.setAutoCommit(false);
            assertEquals(1, pay(c));
            assertEquals("paid", status(c));
            // Scenario state is global: the move is visible to every session at once.
            assertEquals("paid", status(other));
            c.rollback();
            assertEquals("open", status(c));
            assertEquals("open", status(other));

            assertEquals(1, pay(c));
            c.commit();
            assertEquals("paid", status(other));
        }
        assertEquals(List.of("pay", "status-paid", "status-paid", "status-open", "status-open", "pay", "status-paid"),
                PgClients.scripted(server).stream().map(e -> e.ruleId()).toList());
    }

    @Test
    void psqlRollbackInOneString() throws Exception {
        PgClients.PsqlRun run = PgClients.psql(server,
                "BEGIN; UPDATE orders SET status = 'paid' WHERE id = 1; SELECT status FROM orders WHERE id = 1",
                "ROLLBACK", "SELECT status FROM orders WHERE id = 1");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(List.of("BEGIN", "UPDATE 1", "paid", "ROLLBACK", "open"), run.lines());
    }
}
