package io.mockpg.examples.orders;

import io.mockpg.MockPgServer;
import io.mockpg.junit5.MockPg;
import io.mockpg.junit5.MockPgScript;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** OrderReports' time limits and streaming, answered by orders.yaml. */
@MockPg(scripts = "classpath:orders.yaml")
class OrderReportsTest {
    OrderReports reports;

    @BeforeEach
    void createReports(DataSource dataSource) {
        reports = new OrderReports(dataSource);
    }

    @Test
    void revenueIsTheSumOfAllOrders() throws Exception {
        assertEquals(new BigDecimal("98765.43"), reports.revenue(Duration.ofSeconds(5)));
    }

    @Test
    @MockPgScript("classpath:orders-slow-revenue.yaml")
    void slowRevenueQueryIsCancelledAfterTheTimeout() {
        ReportTimedOutException error = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ReportTimedOutException.class, () -> reports.revenue(Duration.ofSeconds(1))));

        assertEquals("57014", ((SQLException) error.getCause()).getSQLState());
    }

    @Test
    void exportStreamsAHundredThousandOrdersInBatches(MockPgServer server) throws SQLException {
        AtomicLong idSum = new AtomicLong();
        AtomicLong lastId = new AtomicLong();

        long exported = reports.exportAll(order -> {
            idSum.addAndGet(order.id());
            lastId.set(order.id());
        });

        assertEquals(100_000, exported);
        assertEquals(100_000L * 100_001L / 2, idSum.get(), "every row number exactly once");
        assertEquals(100_000, lastId.get());
        server.verify(1, "SELECT id, customer_id, amount FROM orders ORDER BY id");
    }
}
