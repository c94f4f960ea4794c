package io.mockpg.junit5;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** failOnOpenTransaction set on the programmatic extension. */
class BuilderOpenTransactionCase {
    @RegisterExtension
    static MockPgExtension pg = MockPgExtension.builder().script("classpath:sweep.yaml")
            .failOnOpenTransaction(true).build();

    @Test
    void leftInTransaction(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN");
            statement.executeUpdate("INSERT INTO transfers (source, target, amount) VALUES (1, 2, 10)");
        }
    }
}
