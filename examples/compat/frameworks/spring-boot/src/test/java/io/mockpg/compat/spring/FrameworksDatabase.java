package io.mockpg.compat.spring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * Database {@code frameworks} on the real PostgreSQL of tools/postgres.sh, owned by {@code app},
 * with the application's schema (examples/compat/frameworks/schema.sql, shared with the other
 * languages' applications) applied afresh: the harness owns the schema, not the frameworks.
 */
final class FrameworksDatabase {
    static final String USER = "app";
    static final String PASSWORD = "app-secret";
    static final String NAME = "frameworks";

    private FrameworksDatabase() {
    }

    /** Starts the server if needed, creates the database if missing, applies the schema; returns its JDBC URL. */
    static String prepare() {
        String base = "jdbc:postgresql://127.0.0.1:" + port() + "/";
        try {
            startServer();
            try (Connection admin = DriverManager.getConnection(base + "postgres", "postgres", "");
                    Statement statement = admin.createStatement()) {
                try (ResultSet exists = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'")) {
                    if (!exists.next()) {
                        statement.execute("CREATE DATABASE " + NAME + " OWNER " + USER);
                    }
                }
            }
            try (Connection app = DriverManager.getConnection(base + NAME, USER, PASSWORD);
                    Statement statement = app.createStatement()) {
                statement.execute(Files.readString(Path.of("..", "schema.sql"), StandardCharsets.UTF_8));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot prepare database " + NAME + " on " + base, e);
        }
        return base + NAME;
    }

    private static String port() {
        String port = System.getenv("MOCKPG_PG_PORT");
        return port == null || port.isBlank() ? "54329" : port;
    }

    /** tools/postgres.sh start is idempotent: a test that needs the server fails without it, never skips. */
    private static void startServer() throws IOException {
        Path script = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && script == null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("tools/postgres.sh"))) {
                script = dir.resolve("tools/postgres.sh");
            }
        }
        if (script == null) {
            throw new IllegalStateException("tools/postgres.sh not found above " + Path.of("").toAbsolutePath());
        }
        Process process = new ProcessBuilder("bash", script.toString(), "start").redirectErrorStream(true).start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(script + " start failed: "
                        + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        }
    }
}
