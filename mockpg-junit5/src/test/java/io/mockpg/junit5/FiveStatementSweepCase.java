package io.mockpg.junit5;

import io.mockpg.MockPgServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Five scripted statements (and driver chatter); passes only when none of them failed. */
@MockPg(scripts = "classpath:sweep.yaml")
class FiveStatementSweepCase {
    static final List<String> SEEN = new ArrayList<>();

    @FaultSweep
    void fiveStatements(Connection connection, MockPgServer server) throws SQLException {
        boolean fresh = Sql.scriptRules(server.journal()).isEmpty()
                && server.rules().stream().allMatch(rule -> rule.answered() == 0);
        SEEN.add(fresh ? "fresh" : "stale");
        connection.setAutoCommit(false);
        Sql.firstValue(connection, "SELECT id FROM accounts WHERE owner = 'ann'");
        Sql.firstValue(connection, "SELECT balance FROM accounts WHERE id = 1");
        update(connection, "UPDATE accounts SET balance = balance - 10 WHERE id = 1");
        update(connection, "UPDATE accounts SET balance = balance + 10 WHERE id = 2");
        update(connection, "INSERT INTO transfers (source, target, amount) VALUES (1, 2, 10)");
        connection.commit();
        assertEquals(1, server.journal().stream().filter(e -> "COMMIT".equals(e.sql())).count());
    }

    private static void update(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            assertEquals(1, statement.executeUpdate(sql));
        }
    }
}
