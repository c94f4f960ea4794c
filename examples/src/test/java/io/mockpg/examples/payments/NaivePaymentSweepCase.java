package io.mockpg.examples.payments;

import com.zaxxer.hikari.HikariDataSource;
import io.mockpg.Fault;
import io.mockpg.MockPgServer;
import io.mockpg.junit5.FaultSweep;
import io.mockpg.junit5.MockPg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.sql.SQLException;

import static io.mockpg.MockPgDsl.statement;

/** PaymentServiceSweepTest's sweep over the naive service; NaivePaymentSweepTest runs it (docs/resilience.md). */
@MockPg(scripts = "classpath:payments.yaml")
class NaivePaymentSweepCase {
    static HikariDataSource pool;

    @BeforeAll
    static void openPool(MockPgServer server) {
        pool = Pools.hikari(server);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @FaultSweep(faults = {Fault.SERIALIZATION_FAILURE, Fault.DEADLOCK, Fault.ADMIN_SHUTDOWN,
            Fault.CONNECTION_CLOSED, Fault.CONNECTION_RESET, Fault.CLOSED_MID_RESULT})
    void orderIsPaidExactlyOnce(MockPgServer server) throws SQLException {
        new NaivePaymentService(pool).pay(7);

        server.verify(1, statement("INSERT INTO payments (order_id, amount) VALUES ($1, $2)").committed());
        server.verify(1, statement("UPDATE orders SET status = 'paid' WHERE id = $1").committed());
    }
}
