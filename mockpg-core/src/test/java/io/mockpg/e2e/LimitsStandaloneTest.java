package io.mockpg.e2e;

import io.mockpg.MockPgServer;
import io.mockpg.internal.cli.StandaloneProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The serving limits as flags of the standalone server and as builder methods, with their
 * defaults: --max-connections (clients still logging in counted), --startup-timeout,
 * --max-message-size and --max-statement-size (docs/robustness.md).
 */
class LimitsStandaloneTest {
    private static final String SCRIPT = """
            server:
              auth:
                method: password
                users: { app: s3cret }
            rules:
              - match: { regex: "^COPY items" }
                respond: { copy: true }
            """;

    @TempDir
    static Path directory;
    static StandaloneProcess server;

    @BeforeAll
    static void start() throws Exception {
        Path script = directory.resolve("limits.yaml");
        Files.writeString(script, SCRIPT);
        server = StandaloneProcess.start(directory, List.of("-Xmx128m"), Map.of(), "--script", script.toString(),
                "--max-connections", "3", "--startup-timeout", "400ms", "--max-message-size", "4096",
                "--max-statement-size", "1000");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Connection connect(int port) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "app");
        properties.setProperty("password", "s3cret");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/shop", properties);
    }

    /** A client that sent its startup packet and now sits at the password request. */
    private static RawPgClient loggingIn(String host, int port) throws Exception {
        RawPgClient client = new RawPgClient(host, port);
        client.send(RawPgClient.startup(196608, "user", "app", "database", "shop"));
        assertEquals('R', client.read().type());
        return client;
    }

    private static void login(RawPgClient client) throws Exception {
        client.send(RawPgClient.startup(196608, "user", "app", "database", "shop"));
        assertEquals('R', client.read().type());
        client.send(RawPgClient.typed('p', "s3cret\0".getBytes(StandardCharsets.UTF_8)));
        client.readUntil('Z');
    }

    @Test
    void clientsStillLoggingInCountAgainstMaxConnections() throws Exception {
        List<RawPgClient> holding = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                holding.add(loggingIn("127.0.0.1", server.port()));
            }
            SQLException refused = assertThrows(SQLException.class, () -> connect(server.port()).close());
            assertEquals("53300", refused.getSQLState());
            assertTrue(refused.getMessage().contains("sorry, too many clients already"), refused.getMessage());
        } finally {
            for (RawPgClient client : holding) {
                client.close();
            }
        }
        // the slots come back as those clients go: a session gets in again
        assertTrue(StandaloneProcess.await(java.time.Duration.ofSeconds(5), () -> {
            try (Connection c = connect(server.port())) {
                return c.isValid(1);
            } catch (SQLException e) {
                return false;
            }
        }));
    }

    @Test
    void aClientThatNeverFinishesStartupIsClosedAfterTheStartupTimeout() throws Exception {
        try (RawPgClient silent = new RawPgClient("127.0.0.1", server.port())) {
            long start = System.nanoTime();
            assertTrue(silent.closedByServer());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 300 && millis < 4000, "closed after " + millis + " ms");
        }
    }

    @Test
    void aMessageOverMaxMessageSizeGets08P01AndTheConnectionIsClosed() throws Exception {
        try (RawPgClient client = new RawPgClient("127.0.0.1", server.port())) {
            login(client);
            client.send(RawPgClient.query("SELECT '" + "x".repeat(5000) + "'"));
            RawPgClient.Message error = client.readUntil('E');
            assertEquals("08P01", error.fields().get('C'));
            assertTrue(error.fields().get('M').contains("exceeds the maximum of 4096"), error.fields().toString());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void aStatementOverMaxStatementSizeGets54000AndTheSessionGoesOn() throws Exception {
        try (Connection c = connect(server.port()); Statement s = c.createStatement()) {
            String big = "SELECT '" + "x".repeat(1200) + "'";
            SQLException simple = assertThrows(SQLException.class, () -> s.executeQuery(big));
            assertEquals("54000", simple.getSQLState());
            assertTrue(simple.getMessage().contains("statement too large"), simple.getMessage());
            SQLException extended = assertThrows(SQLException.class, () -> c.prepareStatement(big).executeQuery());
            assertEquals("54000", extended.getSQLState());
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    @Test
    void copyDataOverMaxStatementSizeGets54000AndTheSessionGoesOn() throws Exception {
        try (Connection c = connect(server.port()); Statement s = c.createStatement()) {
            org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            String rows = "1\tsome item\n".repeat(200); // 2,400 bytes
            SQLException refused = assertThrows(SQLException.class,
                    () -> copy.copyIn("COPY items FROM STDIN", new java.io.StringReader(rows)));
            assertEquals("54000", refused.getSQLState());
            assertEquals(2, copy.copyIn("COPY items FROM STDIN", new java.io.StringReader("1\ta\n2\tb\n")));
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void theBuilderDefaultsTo100ConnectionsCountingClientsLoggingIn() throws Exception {
        try (MockPgServer embedded = MockPgServer.builder().scriptYaml(SCRIPT).start()) {
            List<RawPgClient> holding = new ArrayList<>();
            try {
                for (int i = 0; i < 100; i++) {
                    holding.add(loggingIn(embedded.host(), embedded.port()));
                }
                SQLException refused = assertThrows(SQLException.class, () -> connect(embedded.port()).close());
                assertEquals("53300", refused.getSQLState());
            } finally {
                for (RawPgClient client : holding) {
                    client.close();
                }
            }
        }
    }

    @Test
    void theBuilderMethodsSetTheLimits() throws Exception {
        try (MockPgServer embedded = MockPgServer.builder().scriptYaml(SCRIPT).maxConnections(1)
                .maxStatementSize(60).maxMessageSize(2048).start()) {
            try (Connection first = connect(embedded.port()); Statement s = first.createStatement()) {
                assertEquals("53300", assertThrows(SQLException.class, () -> connect(embedded.port()).close())
                        .getSQLState());
                assertEquals("54000", assertThrows(SQLException.class,
                        () -> s.executeQuery("SELECT '" + "y".repeat(60) + "'")).getSQLState());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> MockPgServer.builder().maxConnections(0));
        assertThrows(IllegalArgumentException.class, () -> MockPgServer.builder().maxStatementSize(0));
        assertThrows(IllegalArgumentException.class, () -> MockPgServer.builder().maxMessageSize(100));
        assertThrows(IllegalArgumentException.class,
                () -> MockPgServer.builder().startupTimeout(java.time.Duration.ZERO));
    }
}
