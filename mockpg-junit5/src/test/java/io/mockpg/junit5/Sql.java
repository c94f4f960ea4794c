package io.mockpg.junit5;

import io.mockpg.JournalEntry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Small JDBC shortcuts for the cases. */
final class Sql {
    private Sql() {
    }

    /** The first column of the first row, as a string. */
    static String firstValue(Connection connection, String sql, Object... params) throws SQLException {
        return value(connection, 1, sql, params);
    }

    /** A column of the first row, as a string. */
    static String value(Connection connection, Object column, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new AssertionError("no row for " + sql);
                }
                return column instanceof String label ? rows.getString(label) : rows.getString((Integer) column);
            }
        }
    }

    /** The name of user 42 by the shop script's {@code user-by-id} rule. */
    static String userName(Connection connection) throws SQLException {
        return value(connection, "name", "SELECT id, name FROM users WHERE id = ?", 42);
    }

    /** The ids of the script rules that answered, leaving out built-in answers such as driver chatter. */
    static List<String> scriptRules(List<JournalEntry> journal) {
        return journal.stream().map(JournalEntry::ruleId)
                .filter(id -> id != null && !id.startsWith("builtin")).toList();
    }

    /** The SQLSTATE a statement fails with, caught as code under test would catch it. */
    static String swallowedError(Connection connection, String sql) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeQuery().close();
            return "no error";
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }
}
