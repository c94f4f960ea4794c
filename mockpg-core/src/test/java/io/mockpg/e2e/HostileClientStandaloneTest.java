package io.mockpg.e2e;

import io.mockpg.internal.cli.StandaloneProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The findings of a hostile tester against the standalone server at a small heap (-Xmx128m)
 * with its default limits: lengths a client only claims, huge statements, near-miss reports of
 * big statements, and the log lines a client's text and behaviour produce (docs/robustness.md).
 * No flag but {@code --script}, so that each test also shows its finding on a server from
 * before the limits existed ({@code -Dmockpg.jar=}, see {@link StandaloneProcess}).
 */
class HostileClientStandaloneTest {
    private static final String SCRIPT = """
            server:
              auth:
                method: password
                users: { app: s3cret }
            rules:
              - id: big-select
                match: { regex: "^SELECT 1" }
                respond: { columns: [ { one: int4 } ], rows: [ [1] ] }
              - id: customer-by-id
                match: { sql: "SELECT name FROM customers WHERE id = $1" }
                respond: { columns: [ { name: text } ], rows: [ [Alice] ] }
            """;

    @TempDir
    static Path directory;
    static StandaloneProcess server;

    @BeforeAll
    static void start() throws Exception {
        Path script = directory.resolve("hostile.yaml");
        // and rules enough for an application (examples/scripts/shop.yaml has 23): a near-miss
        // report compares an unmatched statement with each of them
        StringBuilder rules = new StringBuilder(SCRIPT);
        for (int i = 1; i <= 20; i++) {
            rules.append("  - match: { sql: \"SELECT id, name FROM table_").append(i).append(" WHERE id = $1\" }\n")
                    .append("    respond: { columns: [ { id: int4 } ], rows: [ [").append(i).append("] ] }\n");
        }
        Files.writeString(script, rules);
        server = StandaloneProcess.start(directory, List.of("-Xmx128m"), Map.of("MOCKPG_LOG_LEVEL", "info"),
                "--script", script.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static RawPgClient connectRaw() throws IOException {
        return new RawPgClient("127.0.0.1", server.port());
    }

    /** Logs in over the raw protocol with the cleartext password. */
    private static void login(RawPgClient client) throws IOException {
        client.send(RawPgClient.startup(196608, "user", "app", "database", "shop"));
        assertEquals('R', client.read().type());
        client.send(RawPgClient.typed('p', "s3cret\0".getBytes(StandardCharsets.UTF_8)));
        client.readUntil('Z');
    }

    /** A 30-byte Bind whose one parameter claims 2,000,000,000 bytes. */
    private static byte[] bindClaiming2Gb() {
        ByteBuffer body = ByteBuffer.allocate(2 + 2 + 2 + 4 + 12).put((byte) 0).put((byte) 0).putShort((short) 0)
                .putShort((short) 1).putInt(2_000_000_000).put("twelve bytes".getBytes(StandardCharsets.US_ASCII));
        return RawPgClient.typed('B', body.array());
    }

    private static Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "app");
        properties.setProperty("password", "s3cret");
        return DriverManager.getConnection(server.jdbcUrl("shop"), properties);
    }

    private static void assertServes() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
    }

    private static void assertProtocolViolation(RawPgClient client) throws IOException {
        RawPgClient.Message error = client.readUntil('E');
        assertEquals("08P01", error.fields().get('C'));
        assertTrue(client.closedByServer(), "the connection is closed after 08P01");
    }

    @Test
    void bindClaiming2GbBeforeLoginGets08P01AndAllocatesNothing() throws Exception {
        for (int i = 0; i < 100; i++) {
            try (RawPgClient client = connectRaw()) {
                client.send(RawPgClient.startup(196608, "user", "app", "database", "shop"));
                assertEquals('R', client.read().type(), "AuthenticationCleartextPassword");
                client.send(bindClaiming2Gb());
                assertProtocolViolation(client);
            }
        }
        assertServes();
        assertFalse(server.stderr().contains("OutOfMemoryError"), server.stderr());
    }

    @Test
    void bindClaiming2GbAfterLoginGets08P01() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (RawPgClient client = connectRaw()) {
                login(client);
                client.send(bindClaiming2Gb());
                assertProtocolViolation(client);
            }
        }
        assertServes();
        assertFalse(server.stderr().contains("OutOfMemoryError"), server.stderr());
    }

    @Test
    void passwordMessageOverThePreAuthenticationLimitGets08P01() throws Exception {
        try (RawPgClient client = connectRaw()) {
            client.send(RawPgClient.startup(196608, "user", "app", "database", "shop"));
            assertEquals('R', client.read().type());
            // the length field alone: the server must not wait for (or buffer) 50 MB
            client.send(ByteBuffer.allocate(5).put((byte) 'p').putInt(50_000_000).array());
            RawPgClient.Message error = client.readUntil('E');
            assertEquals("08P01", error.fields().get('C'));
            assertTrue(error.fields().get('M').contains("exceeds the maximum of 65535"), error.fields().toString());
        }
    }

    @Test
    void aFortyMegabyteQueryMatchingARuleGets54000AndTheSessionGoesOn() throws Exception {
        try (RawPgClient client = connectRaw()) {
            login(client);
            StringBuilder sql = new StringBuilder(40_000_010).append("SELECT 1");
            while (sql.length() < 40_000_000) {
                sql.append(", 1");
            }
            client.send(RawPgClient.query(sql.toString()));
            sql = null;
            RawPgClient.Message error = client.readUntil('E');
            assertEquals("54000", error.fields().get('C'));
            assertEquals("statement too large", error.fields().get('M'));
            client.readUntil('Z');
            client.send(RawPgClient.query("SELECT 1"));
            RawPgClient.Message complete = client.readUntil('C');
            assertEquals("SELECT 1\0", new String(complete.body(), StandardCharsets.UTF_8));
        }
        assertServes();
        assertFalse(server.stderr().contains("OutOfMemoryError"), server.stderr());
    }

    @Test
    void anUnmatchedOneMegabyteStatementIsReportedWithoutStallingOtherSessions() throws Exception {
        // just under the default --max-statement-size of 1,048,576 characters
        StringBuilder sql = new StringBuilder("SELECT name FROM customers WHERE id IN (");
        while (sql.length() < 1_040_000) {
            sql.append("12345, ");
        }
        sql.append("0)");
        try (Connection big = connect(); Statement s = big.createStatement()) {
            long start = System.nanoTime();
            CompletableFuture<SQLException> unmatched = CompletableFuture.supplyAsync(() -> {
                try {
                    s.executeQuery(sql.toString());
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            // other sessions keep being answered meanwhile
            for (int i = 0; i < 5; i++) {
                assertServes();
            }
            SQLException error = unmatched.get(30, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals("MP001", error.getSQLState());
            String detail = error.getMessage().substring(error.getMessage().lastIndexOf("Detail:"));
            assertTrue(detail.contains("rule"), detail);
            // before: the whole statement compared with each of the 23 rules, 15 s on a loaded
            // machine; now only its first 8,192 characters are, and lexing and matching the
            // 1 MB take the 2-5 s that remain there
            assertTrue(millis < 8000, "took " + millis + " ms");
        }
    }

    @Test
    void byDefaultAHundredSessionsAreAllowedCountingThoseStillLoggingIn() throws Exception {
        List<RawPgClient> holding = new ArrayList<>();
        try {
            // each sits at the password request: logging in, not yet a session
            for (int i = 0; i < 100; i++) {
                RawPgClient client = connectRaw();
                holding.add(client);
                client.send(RawPgClient.startup(196608, "user", "app", "database", "shop"));
                assertEquals('R', client.read().type());
            }
            SQLException refused = assertThrows(SQLException.class, () -> connect().close());
            assertEquals("53300", refused.getSQLState());
            assertTrue(refused.getMessage().contains("sorry, too many clients already"), refused.getMessage());
        } finally {
            for (RawPgClient client : holding) {
                client.close();
            }
        }
        // the slots come back as those clients go
        assertTrue(StandaloneProcess.await(Duration.ofSeconds(10), () -> {
            try {
                assertServes();
                return true;
            } catch (SQLException e) {
                return false;
            }
        }));
    }

    @Test
    void aNewlineInAStatementCannotForgeALogLine() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT forged\n[main] WARN io.mockpg.Forged - admin token is abc"));
            assertEquals("MP001", e.getSQLState());
        }
        assertTrue(StandaloneProcess.await(Duration.ofSeconds(5),
                () -> stderr().contains("no rule matches: SELECT forged\\n[main] WARN io.mockpg.Forged")), stderr());
        assertFalse(stderr().lines().anyMatch(line -> line.startsWith("[main] WARN io.mockpg.Forged")), stderr());
    }

    @Test
    void aClientResetIsLoggedAtDebugNotAsAnInternalError() throws Exception {
        for (int i = 0; i < 10; i++) {
            RawPgClient client = connectRaw();
            login(client);
            client.send(RawPgClient.query("SELECT 1"));
            client.resetAbruptly();
        }
        assertServes();
        assertFalse(stderr().contains("internal error"), stderr());
        assertFalse(stderr().contains("WARN"), stderr());
    }

    @Test
    void aFailedLoginIsLoggedAtInfoWithUserAndReasonButNotThePassword() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", "app");
        properties.setProperty("password", "wrong-Pa55word");
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(server.jdbcUrl("shop"), properties).close());
        assertEquals("28P01", e.getSQLState());
        assertTrue(StandaloneProcess.await(Duration.ofSeconds(5),
                () -> stderr().contains("authentication failed for user \"app\": password does not match")), stderr());
        assertTrue(stderr().lines().filter(line -> line.contains("authentication failed for user \"app\""))
                .allMatch(line -> line.contains(" INFO ")), stderr());
        assertFalse(stderr().contains("wrong-Pa55word"), stderr());
    }

    private static String stderr() {
        try {
            return server.stderr();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
