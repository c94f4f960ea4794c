package io.mockpg.examples.payments;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The statements of one payment: lock the order, record the payment, mark the order paid. */
final class PaymentTransaction {
    private PaymentTransaction() {
    }

    /** Runs the statements on a connection already inside a transaction; the caller commits. */
    static void run(Connection connection, long orderId) throws SQLException {
        BigDecimal amount;
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT status, amount FROM orders WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, orderId);
            try (ResultSet rows = lock.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("no order " + orderId, "02000");
                }
                if (!"open".equals(rows.getString("status"))) {
                    throw new SQLException("order " + orderId + " is " + rows.getString("status"), "55000");
                }
                amount = rows.getBigDecimal("amount");
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO payments (order_id, amount) VALUES (?, ?)")) {
            insert.setLong(1, orderId);
            insert.setBigDecimal(2, amount);
            insert.executeUpdate();
        }
        try (PreparedStatement paid = connection.prepareStatement(
                "UPDATE orders SET status = 'paid' WHERE id = ?")) {
            paid.setLong(1, orderId);
            paid.executeUpdate();
        }
    }
}
