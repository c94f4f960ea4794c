package io.mockpg.e2e;

import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Client-side plumbing for the end-to-end tests: pgjdbc in its three modes, psql, journal views.
 * Public for the tests outside this package that need the same.
 */
public final class PgClients {
    private PgClients() {
    }

    /** The three ways pgjdbc talks to a server. */
    public enum Mode {
        /** Default: extended protocol, text results until the prepare threshold. */
        EXTENDED(""),
        /** Simple query protocol, parameters inlined as literals. */
        SIMPLE("preferQueryMode=simple"),
        /** Named server-side statements from the first use, binary results. */
        BINARY("prepareThreshold=-1");

        final String option;

        Mode(String option) {
            this.option = option;
        }

        String url(MockPgServer server) {
            return option.isEmpty() ? server.jdbcUrl() : server.jdbcUrl() + "?" + option;
        }
    }

    public static Connection connect(MockPgServer server, Mode mode) throws SQLException {
        return connect(server, mode, "app", "secret");
    }

    static Connection connect(MockPgServer server, Mode mode, String user, String password) throws SQLException {
        return connect(mode.url(server), user, password);
    }

    static Connection connect(String url, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "20");
        return DriverManager.getConnection(url, props);
    }

    /** Journal entries a script rule answered or that went unmatched (driver chatter left out). */
    public static List<JournalEntry> scripted(MockPgServer server) {
        List<JournalEntry> entries = new ArrayList<>();
        for (JournalEntry entry : server.journal()) {
            if (entry.ruleId() == null || !entry.ruleId().startsWith("builtin")) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** The statement texts of the scripted journal entries, trimmed. */
    static List<String> scriptedSql(MockPgServer server) {
        return scripted(server).stream().map(e -> e.sql().trim()).toList();
    }

    /** What psql printed and how it ended. */
    record PsqlRun(int exitCode, String stdout, String stderr) {
        List<String> lines() {
            return stdout.lines().filter(l -> !l.isEmpty()).toList();
        }
    }

    /** Runs psql against the server with {@code -X -A -t -v ON_ERROR_STOP=0}, bounded by 20 s. */
    static PsqlRun psqlAs(MockPgServer server, String user, String password, String database, String... commands)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-A", "-t", "-v", "ON_ERROR_STOP=0",
                "-h", server.host(), "-p", String.valueOf(server.port()), "-U", user, "-d", database));
        for (String c : commands) {
            command.add("-c");
            command.add(c);
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PGPASSWORD", password);
        builder.environment().put("PGCONNECT_TIMEOUT", "5");
        builder.environment().put("PGSSLMODE", "disable");
        builder.environment().remove("PGSERVICE");
        builder.environment().put("PGAPPNAME", "psql-e2e");
        java.nio.file.Path out = java.nio.file.Files.createTempFile("psql", ".out");
        java.nio.file.Path err = java.nio.file.Files.createTempFile("psql", ".err");
        try {
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("psql did not finish within 20 s: " + command);
            }
            return new PsqlRun(process.exitValue(), java.nio.file.Files.readString(out),
                    java.nio.file.Files.readString(err));
        } finally {
            java.nio.file.Files.deleteIfExists(out);
            java.nio.file.Files.deleteIfExists(err);
        }
    }

    static PsqlRun psql(MockPgServer server, String... commands) throws IOException, InterruptedException {
        return psqlAs(server, "app", "secret", "mockpg", commands);
    }
}
