package io.mockpg.examples.hygiene;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Refunds a payment with its transaction written in SQL ({@code BEGIN} … {@code COMMIT}), as
 * code does that a pool's own transaction handling does not see. {@link #refundLeaky} returns
 * early without ending the transaction: the pool gets the connection back inside it, and the
 * next borrower's statements join it (docs/resilience.md).
 */
public final class RefundService {
    private final DataSource dataSource;

    public RefundService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Refunds unless the amount is zero; a zero refund leaves early, still inside BEGIN. */
    public void refundLeaky(long paymentId, long cents) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // doc:start leak
            statement.execute("BEGIN");
            statement.executeUpdate("UPDATE payments SET refunded = true WHERE id = " + paymentId);
            if (cents == 0) {
                return;
            }
            // doc:end leak
            statement.executeUpdate("INSERT INTO refunds (payment_id, cents) VALUES (" + paymentId + ", " + cents + ")");
            statement.execute("COMMIT");
        }
    }

    /** The same, ending the transaction on every path. */
    public void refund(long paymentId, long cents) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("BEGIN");
            try {
                statement.executeUpdate("UPDATE payments SET refunded = true WHERE id = " + paymentId);
                if (cents != 0) {
                    statement.executeUpdate("INSERT INTO refunds (payment_id, cents) VALUES (" + paymentId + ", "
                            + cents + ")");
                }
                statement.execute("COMMIT");
            } catch (SQLException e) {
                statement.execute("ROLLBACK");
                throw e;
            }
        }
    }
}
