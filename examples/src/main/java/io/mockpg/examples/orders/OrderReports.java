package io.mockpg.examples.orders;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

/** Read-only reports over orders: bounded in time, or streamed without holding every row in memory. */
public final class OrderReports {
    static final String QUERY_CANCELED = "57014";
    static final int EXPORT_BATCH = 1000;

    private final DataSource dataSource;

    public OrderReports(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Total revenue; gives up when the database takes longer than {@code timeout}. */
    public BigDecimal revenue(Duration timeout) throws SQLException, ReportTimedOutException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT sum(amount) FROM orders")) {
            statement.setQueryTimeout(Math.toIntExact(Math.max(1, timeout.toSeconds())));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBigDecimal(1);
            }
        } catch (SQLException e) {
            if (QUERY_CANCELED.equals(e.getSQLState())) {
                throw new ReportTimedOutException("revenue report", e);
            }
            throw e;
        }
    }

    /**
     * Hands every order to {@code sink}, fetching {@value #EXPORT_BATCH} rows at a time (pgjdbc
     * only uses a cursor inside a transaction).
     *
     * @return how many orders were exported
     */
    public long exportAll(Consumer<ExportedOrder> sink) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, customer_id, amount FROM orders ORDER BY id")) {
                statement.setFetchSize(EXPORT_BATCH);
                long count = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(new ExportedOrder(rows.getLong(1), rows.getLong(2), rows.getBigDecimal(3)));
                        count++;
                    }
                }
                connection.commit();
                return count;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
