package io.mockpg.examples.orders;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Orders and payments, each change in one transaction. */
public final class OrderService {
    static final String SERIALIZATION_FAILURE = "40001";

    private final DataSource dataSource;
    private final int maxAttempts;

    /**
     * @param maxAttempts how often a transaction that failed to serialize is tried in all
     */
    public OrderService(DataSource dataSource, int maxAttempts) {
        this.dataSource = dataSource;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Records an order and charges the customer's balance atomically. A serialization failure
     * (SQLSTATE 40001) is retried from the start, up to the configured number of attempts.
     *
     * @return the new order's id
     */
    public long placeOrder(long customerId, BigDecimal amount) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    long orderId = insertOrder(connection, customerId, amount);
                    charge(connection, customerId, amount);
                    connection.commit();
                    return orderId;
                } catch (SQLException e) {
                    connection.rollback();
                    if (!SERIALIZATION_FAILURE.equals(e.getSQLState()) || attempt >= maxAttempts) {
                        throw e;
                    }
                }
            }
        }
    }

    /**
     * Marks an order shipped and books its shipment; if the shipment is refused, the order stays
     * as it was.
     */
    public void ship(long orderId) throws SQLException, ShipmentRefusedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                update(connection, "UPDATE orders SET status = 'shipped' WHERE id = ?", orderId);
                update(connection, "INSERT INTO shipments (order_id) VALUES (?)", orderId);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw new ShipmentRefusedException(orderId, e);
            }
        }
    }

    public String statusOf(long orderId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT status FROM orders WHERE id = ?")) {
            statement.setLong(1, orderId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("no order " + orderId, "02000");
                }
                return rows.getString("status");
            }
        }
    }

    private static long insertOrder(Connection connection, long customerId, BigDecimal amount) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO orders (customer_id, amount) VALUES (?, ?) RETURNING id")) {
            statement.setLong(1, customerId);
            statement.setBigDecimal(2, amount);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong("id");
            }
        }
    }

    private static void charge(Connection connection, long customerId, BigDecimal amount) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE customers SET balance = balance - ? WHERE id = ?")) {
            statement.setBigDecimal(1, amount);
            statement.setLong(2, customerId);
            if (statement.executeUpdate() != 1) {
                throw new SQLException("no customer " + customerId, "02000");
            }
        }
    }

    private static void update(Connection connection, String sql, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
    }
}
