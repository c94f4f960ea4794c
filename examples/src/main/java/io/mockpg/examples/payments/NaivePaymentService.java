package io.mockpg.examples.payments;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The retry loop as it is often first written, kept to show what a fault sweep finds in it
 * (docs/resilience.md): it retries a serialization failure only, and its {@code rollback()}
 * on a connection that is already gone throws, hiding the original failure.
 */
public final class NaivePaymentService {
    private final DataSource dataSource;

    public NaivePaymentService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void pay(long orderId) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                // doc:start naive-retry
                try {
                    PaymentTransaction.run(connection, orderId);
                    connection.commit();
                    return;
                } catch (SQLException e) {
                    connection.rollback();
                    if (!"40001".equals(e.getSQLState()) || attempt >= 3) {
                        throw e;
                    }
                }
                // doc:end naive-retry
            }
        }
    }
}
