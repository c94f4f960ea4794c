package io.mockpg.junit5;

import java.sql.Connection;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.fail;

@MockPg(scripts = "classpath:sweep.yaml")
class FailingCleanRunCase {
    @FaultSweep
    void failsEvenWithoutFaults(Connection connection) throws SQLException {
        Sql.firstValue(connection, "SELECT balance FROM accounts WHERE id = 1");
        fail("the clean run's own assertion");
    }
}
