package io.mockpg.examples.payments;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Pays an order in one transaction and survives the failures a PostgreSQL in production
 * produces (docs/resilience.md): the transaction is retried from the start, on a fresh
 * connection, after a serialization failure, a deadlock, an administrator's shutdown or a lost
 * connection; anything else is the caller's to handle.
 */
public final class PaymentService {
    private final DataSource dataSource;
    private final int maxAttempts;

    public PaymentService(DataSource dataSource, int maxAttempts) {
        this.dataSource = dataSource;
        this.maxAttempts = maxAttempts;
    }

    public void pay(long orderId) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    PaymentTransaction.run(connection, orderId);
                    connection.commit();
                    return;
                } catch (SQLException e) {
                    rollbackQuietly(connection, e);
                    if (!retryable(e) || attempt >= maxAttempts) {
                        throw e;
                    }
                }
            }
        }
    }

    /**
     * Whether the whole transaction may be run again: it was rolled back by the server or lost
     * with its connection before COMMIT answered. 40001 serialization failure, 40P01 deadlock,
     * 57P01 administrator shutdown, class 08 connection exceptions (PostgreSQL's Appendix A).
     */
    // doc:start retryable
    static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.equals("40001") || state.equals("40P01") || state.equals("57P01")
                || state.startsWith("08"));
    }

    /** A rollback on a connection already gone fails too: keep the original failure, not that one. */
    private static void rollbackQuietly(Connection connection, SQLException cause) {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
    // doc:end retryable
}
