package io.mockpg.examples.orders;

import io.mockpg.MockPgServer;
import io.mockpg.junit5.MockPg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.SQLException;

import static io.mockpg.MockPgDsl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * OrderService's transactions, answered by orders.yaml; the failures a single test needs are
 * stubbed in Java next to it (undone after the test).
 */
@MockPg(scripts = "classpath:orders.yaml")
class OrderServiceTest {
    OrderService orders;

    @BeforeEach
    void createService(DataSource dataSource) {
        orders = new OrderService(dataSource, 3);
    }

    @Test
    void placingAnOrderInsertsItAndChargesTheCustomerInOneTransaction(MockPgServer server) throws SQLException {
        long orderId = orders.placeOrder(5, new BigDecimal("19.99"));

        assertEquals(1001, orderId);
        server.verify(1, statement("INSERT INTO orders (customer_id, amount) VALUES ($1, $2) RETURNING id")
                .withParams(5, new BigDecimal("19.99")).committed());
        server.verify(1, statement("UPDATE customers SET balance = balance - $1 WHERE id = $2")
                .withParams(new BigDecimal("19.99"), 5).committed());
    }

    @Test
    void serializationFailureIsRetriedFromTheStart(MockPgServer server) throws SQLException {
        server.stub(statement("INSERT INTO orders (customer_id, amount) VALUES ($1, $2) RETURNING id")
                .willReturn(error("40001", "could not serialize access due to concurrent update"))
                .thenReturn(rows(column("id", "int8")).row(1002L)));

        long orderId = orders.placeOrder(5, new BigDecimal("19.99"));

        assertEquals(1002, orderId);
        var insert = statement("INSERT INTO orders (customer_id, amount) VALUES ($1, $2) RETURNING id");
        server.verify(1, insert.rolledBack());
        server.verify(1, insert.committed());
        server.verify(1, statement("UPDATE customers SET balance = balance - $1 WHERE id = $2").committed());
    }

    @Test
    void shippingMovesTheOrderToShipped() throws Exception {
        orders.ship(7);

        assertEquals("shipped", orders.statusOf(7));
    }

    @Test
    void refusedShipmentRollsTheStatusChangeBack(MockPgServer server) throws Exception {
        server.stub(statement("INSERT INTO shipments (order_id) VALUES ($1)")       // no carrier for it
                .willReturn(error("23503", "insert or update on table \"shipments\" violates foreign key constraint"
                        + " \"shipments_carrier_fkey\"").table("shipments").constraint("shipments_carrier_fkey")));
        assertEquals("new", orders.statusOf(7));

        assertThrows(ShipmentRefusedException.class, () -> orders.ship(7));

        assertEquals("new", orders.statusOf(7));
        server.verify(1, anyStatement().withId("mark-order-7-shipped").rolledBack());
    }
}
