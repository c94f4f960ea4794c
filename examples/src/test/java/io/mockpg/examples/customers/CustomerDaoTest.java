package io.mockpg.examples.customers;

import io.mockpg.MockPgServer;
import io.mockpg.junit5.MockPg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CustomerDao on Spring's JdbcTemplate, answered by customers.yaml. */
@MockPg(scripts = "classpath:customers.yaml")
class CustomerDaoTest {
    CustomerDao customers;

    @BeforeEach
    void createDao(DataSource dataSource) {
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

        server.verify(1, "UPDATE customers SET name = $1 WHERE id = $2");
        assertEquals(List.of("Ada Lovelace", "3"), server.journal().stream()
                .filter(entry -> "rename-customer-3".equals(entry.ruleId())).findFirst().orElseThrow().params());
    }

    @Test
    void renamingAMissingCustomerUpdatesNothing() {
        assertFalse(customers.rename(99, "Nobody"));
    }
}
