package io.mockpg.internal.record;

import io.mockpg.testing.RealPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** The real PostgreSQL's database {@code record} (owned by app), with the tables the recording tests read. */
final class RecordingDatabase {
    static final String NAME = "record";
    private static boolean ready;

    private RecordingDatabase() {
    }

    /** libpq URL of user app on database record. */
    static synchronized String url() throws SQLException {
        if (!ready) {
            create();
            ready = true;
        }
        String base = RealPostgres.url();
        return base.substring(0, base.lastIndexOf('/') + 1) + NAME;
    }

    private static void create() throws SQLException {
        String jdbc = RealPostgres.jdbcUrl();
        try (Connection admin = DriverManager.getConnection(jdbc, credentials("postgres", null));
             Statement statement = admin.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'");
            if (!exists.next()) {
                try {
                    statement.execute("CREATE DATABASE " + NAME + " OWNER app");
                } catch (SQLException e) {
                    if (!"42P04".equals(e.getSQLState())) { // created meanwhile by another test JVM
                        throw e;
                    }
                }
            }
        }
        String recordJdbc = jdbc.substring(0, jdbc.lastIndexOf('/') + 1) + NAME;
        try (Connection app = DriverManager.getConnection(recordJdbc, credentials("app", "app-secret"));
             Statement statement = app.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS items (
                        id int4 PRIMARY KEY, name text NOT NULL, price numeric(10,2), active bool,
                        added timestamptz, day date, tags text[], ref uuid, data jsonb, raw bytea)""");
            statement.execute("""
                    INSERT INTO items VALUES
                      (1, 'apple', 1.50, true, '2024-03-01 10:00:00+00', '2024-03-01', '{red,green}',
                       'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"kind": "fruit"}', '\\x0102'),
                      (2, 'bread', 2.25, false, NULL, NULL, '{}', NULL, NULL, NULL),
                      (3, 'o''brien', NULL, NULL, NULL, NULL, NULL, NULL, '[1, 2]', NULL)
                    ON CONFLICT (id) DO NOTHING""");
        }
    }

    static Properties credentials(String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }
}
