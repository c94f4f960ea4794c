package io.mockpg.junit5;

import io.mockpg.Fault;
import io.mockpg.MockPgServer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tests that leave their connection in a transaction block, or not. */
@MockPg(scripts = "classpath:sweep.yaml", failOnOpenTransaction = true)
@TestMethodOrder(MethodOrderer.MethodName.class)
class OpenTransactionCase {

    @Test
    void a_leftInTransaction(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN");
            statement.executeUpdate("UPDATE accounts SET balance = balance - 10 WHERE id = 1");
        }
    }

    @Test
    void b_leftInFailedTransaction(Connection connection, MockPgServer server) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN");
            server.injectFault(1, Fault.SERIALIZATION_FAILURE);
            assertThrows(SQLException.class,
                    () -> statement.executeUpdate("UPDATE accounts SET balance = balance + 10 WHERE id = 2"));
        }
    }

    @Test
    void c_committed(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN");
            statement.executeUpdate("UPDATE accounts SET balance = balance - 10 WHERE id = 1");
            statement.execute("COMMIT");
        }
    }

    /** The transaction is still running when the test returns; the check waits for its COMMIT. */
    @Test
    void d_inFlightWhenTheTestEnds(Connection connection, MockPgServer server) {
        CompletableFuture.runAsync(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN; UPDATE accounts SET balance = balance - 1 WHERE id = 1; COMMIT");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        while (server.journal().stream().noneMatch(entry -> "slow-debit".equals(entry.ruleId()))) {
            Thread.onSpinWait();
        }
    }
}
