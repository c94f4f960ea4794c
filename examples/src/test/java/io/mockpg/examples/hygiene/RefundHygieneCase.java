package io.mockpg.examples.hygiene;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.mockpg.MockPgServer;
import io.mockpg.junit5.MockPg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

/** RefundService over a HikariCP pool, with the open-transaction check on; TransactionHygieneTest runs it. */
@MockPg(scripts = "classpath:refunds.yaml", failOnOpenTransaction = true)
class RefundHygieneCase {
    static HikariDataSource pool;

    @BeforeAll
    static void openPool(MockPgServer server) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername("app");
        config.setMaximumPoolSize(1);
        pool = new HikariDataSource(config);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Test
    void leakyZeroRefund() throws SQLException {
        new RefundService(pool).refundLeaky(3, 0);
    }

    @Test
    void zeroRefund() throws SQLException {
        new RefundService(pool).refund(3, 0);
    }

    @Test
    void refund() throws SQLException {
        new RefundService(pool).refund(3, 500);
    }
}
