package io.mockpg.junit5;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Twenty scripted statements over one connection; records how long its own body took per run. */
@MockPg(scripts = "classpath:sweep.yaml")
class TwentyStatementSweepCase {
    static final List<Long> BODY_NANOS = new CopyOnWriteArrayList<>();
    static Connection connection;

    @BeforeAll
    static void connect(MockPgServer server) throws SQLException {
        connection = DriverManager.getConnection(server.jdbcUrl(), "app", "");
    }

    @AfterAll
    static void disconnect() throws SQLException {
        connection.close();
    }

    @FaultSweep
    void twentyStatements(MockPgServer server) throws SQLException {
        long start = System.nanoTime();
        try {
            if (!connection.isValid(1)) {
                connection.close();
                connection = DriverManager.getConnection(server.jdbcUrl(), "app", "");
            }
            try (Statement statement = connection.createStatement()) {
                for (int i = 0; i < 4; i++) {
                    try (ResultSet rows = statement.executeQuery("SELECT id FROM accounts WHERE owner = 'ann'")) {
                        rows.next();
                    }
                    try (ResultSet rows = statement.executeQuery("SELECT balance FROM accounts WHERE id = 1")) {
                        rows.next();
                    }
                    statement.executeUpdate("UPDATE accounts SET balance = balance - 10 WHERE id = 1");
                    statement.executeUpdate("UPDATE accounts SET balance = balance + 10 WHERE id = 2");
                    statement.executeUpdate("INSERT INTO transfers (source, target, amount) VALUES (1, 2, 10)");
                }
            } catch (SQLException expected) {
                // a fault run: the test's own handling is not what is measured here
            }
        } finally {
            BODY_NANOS.add(System.nanoTime() - start);
        }
    }
}
