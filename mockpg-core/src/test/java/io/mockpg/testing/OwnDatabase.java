package io.mockpg.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A database of the real PostgreSQL owned by {@code app}, created once if missing, with a
 * schema a test defines: created idempotently, and in one transaction, so a concurrent test
 * process sees the old schema or the new one, never half of it.
 */
public final class OwnDatabase {
    private OwnDatabase() {
    }

    /**
     * Creates database name if missing, then runs ddl in it as {@code app}, in one transaction.
     * Returns the libpq URL of {@code app} on that database.
     */
    public static synchronized String prepare(String name, String ddl) {
        createIfMissing(name);
        try (Connection connection = connect("app", "app-secret", name);
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SELECT pg_advisory_xact_lock(hashtext('mockpg schema ' || current_database()))");
            statement.execute(ddl);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the schema of " + name + ": " + e.getMessage(), e);
        }
        return url("app", "app-secret", name);
    }

    /** The libpq URL of a role on a database of the real PostgreSQL. */
    public static String url(String user, String password, String database) {
        String base = RealPostgres.url(user, password);
        return base.substring(0, base.lastIndexOf('/') + 1) + database;
    }

    private static void createIfMissing(String name) {
        try (Connection connection = connect("postgres", null, "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " OWNER app");
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: another run made it
                throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
            }
        }
    }

    private static Connection connect(String user, String password, String database) throws SQLException {
        String jdbc = RealPostgres.jdbcUrl();
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(jdbc.substring(0, jdbc.lastIndexOf('/') + 1) + database, properties);
    }
}
