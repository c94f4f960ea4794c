package io.mockpg.examples.orders;

import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import io.mockpg.junit5.MockPg;
import io.mockpg.junit5.MockPgScript;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** OrderService's transactions, answered by orders.yaml. */
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
        server.verify(1, "INSERT INTO orders (customer_id, amount) VALUES ($1, $2) RETURNING id");
        server.verify(1, "UPDATE customers SET balance = balance - $1 WHERE id = $2");
        List<String> outcomes = server.journal().stream()
                .filter(entry -> List.of("insert-order", "charge-customer").contains(entry.ruleId()))
                .map(JournalEntry::outcome)
                .toList();
        assertEquals(List.of("committed", "committed"), outcomes);
    }

    @Test
    @MockPgScript("classpath:orders-serialization-failure.yaml")
    void serializationFailureIsRetriedFromTheStart(MockPgServer server) throws SQLException {
        long orderId = orders.placeOrder(5, new BigDecimal("19.99"));

        assertEquals(1002, orderId);
        server.verify(2, "INSERT INTO orders (customer_id, amount) VALUES ($1, $2) RETURNING id");
        server.verify(1, "UPDATE customers SET balance = balance - $1 WHERE id = $2");
    }

    @Test
    void shippingMovesTheOrderToShipped() throws Exception {
        orders.ship(7);

        assertEquals("shipped", orders.statusOf(7));
    }

    @Test
    @MockPgScript("classpath:orders-shipment-refused.yaml")
    void refusedShipmentRollsTheStatusChangeBack(MockPgServer server) throws Exception {
        assertEquals("new", orders.statusOf(7));

        assertThrows(ShipmentRefusedException.class, () -> orders.ship(7));

        assertEquals("new", orders.statusOf(7));
        List<String> updateOutcome = server.journal().stream()
                .filter(entry -> "mark-order-7-shipped".equals(entry.ruleId()))
                .map(JournalEntry::outcome)
                .toList();
        assertEquals(List.of("rolled_back"), updateOutcome);
    }
}
