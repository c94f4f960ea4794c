package io.mockpg.examples.payments;

import com.zaxxer.hikari.HikariDataSource;
import io.mockpg.Fault;
import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import io.mockpg.junit5.MockPg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static io.mockpg.MockPgDsl.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HikariCP drops a connection that a fault broke, as it would after the same failure from PostgreSQL. */
@MockPg(scripts = "classpath:payments.yaml")
class HikariEvictionTest {
    HikariDataSource pool;

    @BeforeEach
    void openPool(MockPgServer server) {
        pool = Pools.hikari(server);
        pool.setMaximumPoolSize(1);
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"ADMIN_SHUTDOWN", "CONNECTION_CLOSED", "CONNECTION_RESET",
            "CLOSED_MID_RESULT"})
    void theBrokenConnectionIsEvictedAndTheNextBorrowWorks(Fault fault, MockPgServer server) throws SQLException {
        try (Connection broken = pool.getConnection()) {
            server.injectFault(1, fault);
            SQLException e = assertThrows(SQLException.class, () -> status(broken));
            assertEquals(fault == Fault.ADMIN_SHUTDOWN ? "57P01" : "08006", e.getSQLState());
        }
        try (Connection next = pool.getConnection()) {
            assertEquals("open", status(next));
        }
        List<Long> sessions = server.find(statement("SELECT status, amount FROM orders WHERE id = $1 FOR UPDATE"))
                .stream().map(JournalEntry::sessionId).toList();
        assertEquals(2, sessions.size());
        assertNotEquals(sessions.get(0), sessions.get(1), "the second borrow got a new connection");
        assertTrue(pool.getHikariPoolMXBean().getTotalConnections() <= 1);
    }

    private static String status(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT status, amount FROM orders WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, 7);
            try (ResultSet rows = lock.executeQuery()) {
                assertTrue(rows.next());
                return rows.getString("status");
            }
        }
    }
}
