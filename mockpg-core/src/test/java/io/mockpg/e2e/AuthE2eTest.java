package io.mockpg.e2e;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logging in with every authentication method, and the failed logins, through pgjdbc and psql.
 * Compared with PostgreSQL 15: the same SQLSTATEs and messages for a wrong password (28P01),
 * an unknown role (28000, PostgreSQL itself reports it as a failed password for SCRAM; the
 * script reference, "server", promises 28000 with the role named) and an unknown database (3D000).
 */
class AuthE2eTest {
    private static MockPgServer start(String method) {
        return MockPgServer.builder().scriptYaml("""
                server:
                  auth:
                    method: %s
                    users: { app: secret, other: "p@ss w0rd" }
                  databases: [shop, mockpg]
                """.formatted(method)).start();
    }

    @ParameterizedTest
    @ValueSource(strings = {"trust", "password", "md5", "scram-sha-256"})
    void pgjdbcLogsIn(String method) throws Exception {
        try (MockPgServer server = start(method);
             Connection c = PgClients.connect(server.jdbcUrl(), "other", "p@ss w0rd");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_user, current_database()")) {
            assertTrue(rs.next());
            assertEquals("other", rs.getString(1));
            assertEquals("shop", rs.getString(2));
            assertEquals(1, server.sessionCount());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trust", "password", "md5", "scram-sha-256"})
    void psqlLogsIn(String method) throws Exception {
        try (MockPgServer server = start(method)) {
            PgClients.PsqlRun run = PgClients.psqlAs(server, "app", "secret", "shop", "SELECT current_user");
            assertEquals(0, run.exitCode(), run.stderr());
            assertEquals("app", run.stdout().trim());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "md5", "scram-sha-256"})
    void wrongPasswordIs28P01(String method) throws Exception {
        try (MockPgServer server = start(method)) {
            SQLException e = assertThrows(SQLException.class,
                    () -> PgClients.connect(server.jdbcUrl(), "app", "wrong").close());
            assertEquals("28P01", e.getSQLState());
            assertTrue(e.getMessage().contains("password authentication failed for user \"app\""), e.getMessage());

            PgClients.PsqlRun run = PgClients.psqlAs(server, "app", "wrong", "shop", "SELECT 1");
            assertEquals(2, run.exitCode());
            assertTrue(run.stderr().contains("FATAL:  password authentication failed for user \"app\""), run.stderr());
            assertEquals(0, server.sessionCount());
            assertEquals(0, server.journal().size());
        }
    }

    @Test
    void trustAcceptsAnyPasswordButOnlyKnownUsers() throws Exception {
        try (MockPgServer server = start("trust")) {
            try (Connection c = PgClients.connect(server.jdbcUrl(), "app", "anything")) {
                assertTrue(c.isValid(2));
            }
            SQLException e = assertThrows(SQLException.class,
                    () -> PgClients.connect(server.jdbcUrl(), "bob", "secret").close());
            assertEquals("28000", e.getSQLState());
            assertTrue(e.getMessage().contains("role \"bob\" does not exist"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trust", "password", "md5", "scram-sha-256"})
    void unknownUserIs28000(String method) throws Exception {
        try (MockPgServer server = start(method)) {
            SQLException e = assertThrows(SQLException.class,
                    () -> PgClients.connect(server.jdbcUrl(), "bob", "secret").close());
            assertEquals("28000", e.getSQLState());

            PgClients.PsqlRun run = PgClients.psqlAs(server, "bob", "secret", "shop", "SELECT 1");
            assertEquals(2, run.exitCode());
            assertTrue(run.stderr().contains("FATAL:  role \"bob\" does not exist"), run.stderr());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trust", "scram-sha-256"})
    void unknownDatabaseIs3D000(String method) throws Exception {
        try (MockPgServer server = start(method)) {
            String url = "jdbc:postgresql://" + server.host() + ":" + server.port() + "/nowhere";
            SQLException e = assertThrows(SQLException.class, () -> PgClients.connect(url, "app", "secret").close());
            assertEquals("3D000", e.getSQLState());
            assertTrue(e.getMessage().contains("database \"nowhere\" does not exist"), e.getMessage());

            PgClients.PsqlRun run = PgClients.psqlAs(server, "app", "secret", "nowhere", "SELECT 1");
            assertNotEquals(0, run.exitCode());
            assertTrue(run.stderr().contains("FATAL:  database \"nowhere\" does not exist"), run.stderr());
        }
    }
}
