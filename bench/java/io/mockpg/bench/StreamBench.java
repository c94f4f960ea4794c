package io.mockpg.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * Reads a large (int8, text) result with pgjdbc in pages of 1000 rows and prints rows/s.
 * Args: JDBC_URL USER PASSWORD SQL EXPECTED_ROWS.
 */
public final class StreamBench {
    private StreamBench() {
    }

    public static void main(String[] args) throws Exception {
        long expected = Long.parseLong(args[4]);
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
            connection.setAutoCommit(false); // pgjdbc only pages with a fetch size inside a transaction
            long start = System.nanoTime();
            long rows = 0;
            long checksum = 0;
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                try (ResultSet rs = statement.executeQuery(args[3])) {
                    while (rs.next()) {
                        checksum += rs.getLong(1) + rs.getString(2).length();
                        rows++;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            connection.commit();
            if (rows != expected) {
                throw new IllegalStateException("read " + rows + " rows, expected " + expected);
            }
            System.out.printf(Locale.ROOT, "rows %d seconds %.3f rows-per-s %.0f checksum %d%n",
                    rows, seconds, rows / seconds, checksum);
        }
    }
}
