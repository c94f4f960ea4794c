package io.mockpg.examples.users;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Users in plain JDBC over a connection pool. */
public final class UserRepository {
    static final String UNIQUE_VIOLATION = "23505";
    static final String EMAIL_CONSTRAINT = "users_email_key";

    private final DataSource dataSource;

    public UserRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<User> findById(int id) throws SQLException {
        String sql = "SELECT id, name, email, balance, created_at, active, external_id FROM users WHERE id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(toUser(rows)) : Optional.empty();
            }
        }
    }

    /**
     * Adds a user.
     *
     * @return the number of rows inserted
     * @throws DuplicateEmailException when the email's unique constraint refuses it
     */
    public int add(String name, String email) throws SQLException, DuplicateEmailException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("INSERT INTO users (name, email) VALUES (?, ?)")) {
            statement.setString(1, name);
            statement.setString(2, email);
            return statement.executeUpdate();
        } catch (SQLException e) {
            if (isEmailTaken(e)) {
                throw new DuplicateEmailException(email, e);
            }
            throw e;
        }
    }

    /** Deactivates users not seen since the given time; returns how many were deactivated. */
    public int deactivateUnseenSince(OffsetDateTime cutoff) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "UPDATE users SET active = false WHERE last_seen < ? AND active")) {
            statement.setObject(1, cutoff);
            return statement.executeUpdate();
        }
    }

    private static boolean isEmailTaken(SQLException e) {
        if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || !(e instanceof PSQLException psql)) {
            return false;
        }
        ServerErrorMessage details = psql.getServerErrorMessage();
        return details != null && EMAIL_CONSTRAINT.equals(details.getConstraint());
    }

    private static User toUser(ResultSet rows) throws SQLException {
        return new User(rows.getInt("id"), rows.getString("name"), rows.getString("email"),
                rows.getBigDecimal("balance"), rows.getObject("created_at", OffsetDateTime.class),
                rows.getBoolean("active"), rows.getObject("external_id", UUID.class));
    }
}
