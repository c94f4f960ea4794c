package io.mockpg.examples.customers;

import io.mockpg.MockPgServer;
import io.mockpg.junit5.MockPg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;

import static io.mockpg.MockPgDsl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CustomerDao on Spring's JdbcTemplate, with the customers table stubbed in Java: no script,
 * the rows next to the assertions that read them.
 */
@MockPg
class CustomerDaoTest {
    CustomerDao customers;

    @BeforeEach
    void stubTheCustomersTable(MockPgServer server, DataSource dataSource) {
        server.stub(statement("SELECT id, name, vip FROM customers WHERE active ORDER BY name")
                .willReturn(rows(column("id", "int8"), column("name", "text"), column("vip", "bool"))
                        .row(3L, "Ada", true)
                        .row(1L, "Grace", false)));
        server.stub(statement("SELECT id, name, vip FROM customers WHERE id = $1").withParams(3)
                .willReturn(rows(column("id", "int8"), column("name", "text"), column("vip", "bool"))
                        .row(3L, "Ada", true)));
        server.stub(statement("UPDATE customers SET name = $1 WHERE id = $2").willReturn(affected(0)));
        server.stub(statement("UPDATE customers SET name = $1 WHERE id = $2").withParams(anyParam(), 3)
                .withId("rename-customer-3").willReturn(affected(1)));
        customers = new CustomerDao(dataSource);
    }

    @Test
    void activeCustomersAreMappedInTheOrderReturned() {
        assertEquals(List.of(new Customer(3, "Ada", true), new Customer(1, "Grace", false)), customers.findActive());
    }

    @Test
    void findsOneCustomerById() {
        assertEquals(Optional.of(new Customer(3, "Ada", true)), customers.findById(3));
    }

    @Test
    void renamingAnExistingCustomerUpdatesOneRow(MockPgServer server) {
        assertTrue(customers.rename(3, "Ada Lovelace"));

        server.verify(1, statement("UPDATE customers SET name = $1 WHERE id = $2").withParams("Ada Lovelace", 3));
        server.verify(1, anyStatement().withId("rename-customer-3"));
    }

    @Test
    void renamingAMissingCustomerUpdatesNothing() {
        assertFalse(customers.rename(99, "Nobody"));
    }
}
