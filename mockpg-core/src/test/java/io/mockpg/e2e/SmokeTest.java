package io.mockpg.e2e;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmokeTest {
    @Test
    void pgjdbcRunsAScriptedQuery() throws Exception {
        try (MockPgServer server = MockPgServer.builder().scriptYaml("""
                rules:
                  - id: users
                    match:
                      sql: SELECT id, name FROM users WHERE id = $1
                    respond:
                      columns: [{id: int4}, {name: text}]
                      rows: [[1, Alice]]
                """).start();
             Connection c = DriverManager.getConnection(server.jdbcUrl(), "app", "x");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, name FROM users WHERE id = 1")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
            assertEquals("Alice", rs.getString(2));
        }
    }
}
