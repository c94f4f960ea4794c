package io.mockpg.junit5;

import io.mockpg.Fault;
import org.junit.jupiter.api.Nested;

import java.sql.Connection;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MockPg(scripts = "classpath:sweep.yaml")
class NestedSweepCase {
    @Nested
    class Inner {
        @FaultSweep(faults = {Fault.DEADLOCK, Fault.QUERY_CANCELED})
        void readsTheBalance(Connection connection) throws SQLException {
            assertEquals("100.00", Sql.firstValue(connection, "SELECT balance FROM accounts WHERE id = 1"));
        }
    }
}
