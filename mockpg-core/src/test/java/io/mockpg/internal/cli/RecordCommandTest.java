package io.mockpg.internal.cli;

import io.mockpg.MockPgServer;
import io.mockpg.testing.RealPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mockpg record} on the command line: what it refuses before listening, and a whole run as a process. */
class RecordCommandTest {
    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    @Test
    void aBadUrlIsAUsageError() {
        assertEquals(2, run("record", "--upstream", "mysql://app:hunter2@h/db", "--out", directory.resolve("x.yaml").toString()));
        assertEquals("mockpg: upstream URL must start with postgresql://: mysql://app:***@h/db\n", err());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnwritableOutIsAUsageErrorBeforeListening() {
        Path nowhere = directory.resolve("no/such/dir/x.yaml");
        assertEquals(2, run("record", "--upstream", RealPostgres.url(), "--out", nowhere.toString(), "-p", "0"));
        assertTrue(err().startsWith("mockpg: cannot write --out " + nowhere + ": no such directory "), err());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnreachableUpstreamExitsOneNamingHostPortAndReason() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertEquals(1, run("record", "--upstream", "postgresql://app@127.0.0.1:" + port + "/app", "--out",
                directory.resolve("x.yaml").toString(), "-p", "0"));
        assertEquals("mockpg: cannot connect to upstream 127.0.0.1:" + port + ": connection refused\n", err());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUpstreamRefusingAtStartExitsOneWithItsError() {
        assertEquals(1, run("record", "--upstream", RealPostgres.url("app", "wrong-password") + "?sslmode=disable",
                "--out", directory.resolve("x.yaml").toString(), "-p", "0"));
        assertEquals("mockpg: upstream " + RealPostgres.url().replaceAll(".*@([^/]+)/.*", "$1")
                + " refused the session: FATAL 28P01 password authentication failed for user \"app\"\n", err());
        assertFalse(err().contains("wrong-password"));
    }

    @Test
    void aRunRecordsEverySessionAndWritesTheScriptAtSigterm() throws Exception {
        Path script = directory.resolve("recorded.yaml");
        String url = RealPostgres.url("app", null) + "?sslmode=require";
        try (StandaloneProcess recorder = StandaloneProcess.startCommand(directory, Map.of("PGPASSWORD", "app-secret"),
                "record", "--upstream", url, "--out", script.toString())) {
            assertEquals(List.of("mockpg listening on 127.0.0.1:" + recorder.port(), "mockpg recording to " + script),
                    recorder.stdout().lines().toList());
            Properties credentials = new Properties();
            credentials.setProperty("user", "someone");
            credentials.setProperty("password", "whatever");
            String jdbc = "jdbc:postgresql://127.0.0.1:" + recorder.port() + "/app";
            try (Connection connection = DriverManager.getConnection(jdbc, credentials);
                 ResultSet rows = connection.createStatement().executeQuery("SELECT current_user AS who, 6 * 7 AS answer")) {
                rows.next();
                assertEquals("app", rows.getString(1));
                assertEquals(42, rows.getInt(2));
            }
            // the session ended: the script is written again
            assertTrue(StandaloneProcess.await(Duration.ofSeconds(20), () -> read(script).contains("who")), read(script));
            recorder.terminate();
            assertEquals(0, recorder.awaitExit(Duration.ofSeconds(30)), recorder.stderr());
        }
        String text = Files.readString(script);
        assertFalse(text.contains("app-secret"), text);
        try (MockPgServer replay = MockPgServer.builder().script(script).start();
             Connection connection = DriverManager.getConnection(replay.jdbcUrl());
             ResultSet rows = connection.createStatement().executeQuery("SELECT current_user AS who, 6 * 7 AS answer")) {
            rows.next();
            assertEquals("app", rows.getString(1));
            assertEquals(42, rows.getInt(2));
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
