package io.mockpg.internal.record;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One application's conversation with its database, written down as a transcript of every
 * decoded value, column type, update count, error and notice: equal transcripts mean the
 * client could not tell the two servers apart.
 */
final class Conversation {
    private final List<String> transcript = new ArrayList<>();

    /** Runs the conversation on {@code connection}; returns its transcript. */
    static List<String> run(Connection connection) throws SQLException {
        Conversation conversation = new Conversation();
        conversation.play(connection);
        return conversation.transcript;
    }

    private void play(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            query(statement, "SELECT id, name, price, active, added, day, tags, ref, data, raw FROM items ORDER BY id");
            query(statement, "SELECT count(*) AS n FROM items WHERE name LIKE 'a%'");
            try {
                statement.executeQuery("SELECT * FROM no_such_table");
            } catch (SQLException e) {
                error(e);
            }
            statement.execute("DO $$ BEGIN RAISE NOTICE 'hello from plpgsql'; END $$");
            for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
                transcript.add("notice " + w.getSQLState() + " " + w.getMessage());
            }
        }
        for (int id : new int[] {1, 2, 3, 2, 1, 9}) {
            try (PreparedStatement select = connection.prepareStatement("SELECT name, price FROM items WHERE id = ?")) {
                select.setInt(1, id);
                rows(select.executeQuery());
            }
        }
        connection.setAutoCommit(false);
        try (PreparedStatement update = connection.prepareStatement("UPDATE items SET name = name WHERE id IN (?, ?)")) {
            update.setInt(1, 1);
            update.setInt(2, 2);
            transcript.add("update " + update.executeUpdate());
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO items (id, name) VALUES (100, 'temp')");
            query(statement, "SELECT count(*) AS n FROM items");
            try {
                statement.executeUpdate("INSERT INTO items (id, name) VALUES (100, 'again')");
            } catch (SQLException e) {
                error(e);
            }
        }
        connection.rollback();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            query(statement, "SELECT count(*) AS n FROM items");
        }
    }

    private void query(Statement statement, String sql) throws SQLException {
        rows(statement.executeQuery(sql));
    }

    private void rows(ResultSet rows) throws SQLException {
        try (rows) {
            ResultSetMetaData meta = rows.getMetaData();
            StringBuilder header = new StringBuilder("columns");
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                header.append(' ').append(meta.getColumnLabel(i)).append(':').append(meta.getColumnTypeName(i));
            }
            transcript.add(header.toString());
            while (rows.next()) {
                StringBuilder row = new StringBuilder("row");
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    // pgjdbc's getString of a binary bytea is the array's identity: compare the bytes
                    Object value = meta.getColumnTypeName(i).equals("bytea") ? hex(rows.getBytes(i)) : rows.getString(i);
                    row.append(" | ").append(value);
                }
                transcript.add(row.toString());
            }
        }
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : java.util.HexFormat.of().formatHex(bytes);
    }

    private void error(SQLException e) {
        transcript.add("error " + e.getSQLState() + " " + e.getMessage());
    }
}
