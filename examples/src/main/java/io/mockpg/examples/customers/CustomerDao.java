package io.mockpg.examples.customers;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;

/** Customers with Spring's {@link JdbcTemplate}. */
public final class CustomerDao {
    private static final RowMapper<Customer> CUSTOMER = (rows, rowNumber) ->
            new Customer(rows.getLong("id"), rows.getString("name"), rows.getBoolean("vip"));

    private final JdbcTemplate jdbc;

    public CustomerDao(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public List<Customer> findActive() {
        return jdbc.query("SELECT id, name, vip FROM customers WHERE active ORDER BY name", CUSTOMER);
    }

    public Optional<Customer> findById(long id) {
        return jdbc.query("SELECT id, name, vip FROM customers WHERE id = ?", CUSTOMER, id).stream().findFirst();
    }

    /** Renames a customer; returns whether it existed. */
    public boolean rename(long id, String name) {
        return jdbc.update("UPDATE customers SET name = ? WHERE id = ?", name, id) == 1;
    }
}
