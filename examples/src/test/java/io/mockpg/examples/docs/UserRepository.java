package io.mockpg.examples.docs;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The code under test of the examples in README.md and docs/junit5.md. */
public final class UserRepository {
    /** PostgreSQL's lock_not_available. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final DataSource dataSource;

    public UserRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The user's name, or null when there is no such user. */
    public String findName(int id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, name FROM users WHERE id = ?")) {
            select.setInt(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString("name") : null;
            }
        }
    }

    public void add(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO users (name) VALUES (?)")) {
            insert.setString(1, name);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw new TableBusyException(e);
            }
            throw e;
        }
    }

    /** The users table is locked by another transaction. */
    public static final class TableBusyException extends RuntimeException {
        TableBusyException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
