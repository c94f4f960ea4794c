package io.mockpg.e2e;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static io.mockpg.MockPgDsl.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An error PostgreSQL raises while parsing a statement answers Parse, as PostgreSQL 15 does
 * (docs/script-reference.md, "error"), one it raises converting a bind parameter answers Bind,
 * and one it raises while running answers Execute.
 */
class ParseErrorE2eTest {
    @AutoClose
    private static MockPgServer server;

    @BeforeAll
    static void start() {
        server = MockPgServer.builder().scriptYaml("""
                rules:
                  - id: missing-table
                    match: {sql: SELECT id FROM missing WHERE id = $1}
                    respond: {error: {code: "42P01", message: "relation \\"missing\\" does not exist", position: 16}}
                  - match: {sql: SELEC id FROM items}
                    respond: {error: {code: "42601", message: "syntax error at or near \\"SELEC\\"", position: 1}}
                  - match: {sql: SELECT id FROM secret}
                    respond: {error: {code: "42501", message: "permission denied for table secret"}}
                  - match: {sql: CREATE TABLE items (id int4)}
                    respond: {error: {code: "42P07", message: "relation \\"items\\" already exists"}}
                  - match: {sql: "SELECT name FROM items WHERE id = $1", params: [one]}
                    respond: {error: {code: "22P02", message: "invalid input syntax for type bigint: \\"one\\"",
                              where: "unnamed portal parameter $1 = '...'"}}
                  - match: {sql: SELECT broken()}
                    respond: {error: {code: "42P01", message: "relation \\"gone\\" does not exist",
                              where: "PL/pgSQL function broken() line 1 at RETURN"}}
                """).start();
    }

    @Test
    void parseIsAnsweredWithTheErrorsPostgresqlFindsWhileParsing() throws Exception {
        assertEquals(List.of("E 42P01", "Z"), parseAndSync("SELECT id FROM missing WHERE id = $1"));
        assertEquals(List.of("E 42601", "Z"), parseAndSync("SELEC id FROM items"));
    }

    @Test
    void executeIsAnsweredWithTheErrorsPostgresqlFindsWhileRunning() throws Exception {
        // a permission is checked by the executor, a utility statement is analysed as it runs,
        // and an error with a context came from inside a function
        assertEquals(List.of("1", "Z"), parseAndSync("SELECT id FROM secret"));
        assertEquals(List.of("1", "Z"), parseAndSync("CREATE TABLE items (id int4)"));
        assertEquals(List.of("1", "Z"), parseAndSync("SELECT broken()"));
    }

    @Test
    void bindIsAnsweredWithTheErrorOfAParameterItsTypeCannotRead() throws Exception {
        try (RawPgClient client = new RawPgClient(server.host(), server.port())) {
            client.login();
            client.send(RawPgClient.concat(RawPgClient.parse("", "SELECT name FROM items WHERE id = $1", 20),
                    RawPgClient.bind("", "", "one"), RawPgClient.execute(""), RawPgClient.sync()));
            assertEquals(List.of("1", "E 22P02", "Z"), client.readUntilReady().stream()
                    .map(m -> m.type() == 'E' ? "E " + m.fields().get('C') : String.valueOf(m.type())).toList());
        }
    }

    @Test
    void aDriverGetsTheErrorAndTheJournalTheStatementWithItsRule() throws Exception {
        server.clearJournal();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
             PreparedStatement select = connection.prepareStatement("SELECT id FROM missing WHERE id = ?")) {
            select.setInt(1, 7);
            SQLException error = assertThrows(SQLException.class, select::executeQuery);
            assertEquals("42P01", error.getSQLState());
            assertEquals("ERROR: relation \"missing\" does not exist\n  Position: 16", error.getMessage());
        }
        server.verify(1, "SELECT id FROM missing WHERE id = $1");
        assertEquals("missing-table", server.find(statement("SELECT id FROM missing WHERE id = $1")).get(0).ruleId());
    }

    /** Parse (unnamed) and Sync: each answer as its type, an ErrorResponse with its SQLSTATE. */
    private static List<String> parseAndSync(String sql) throws Exception {
        try (RawPgClient client = new RawPgClient(server.host(), server.port())) {
            client.login();
            client.send(RawPgClient.concat(RawPgClient.parse("", sql), RawPgClient.sync()));
            return client.readUntilReady().stream()
                    .map(m -> m.type() == 'E' ? "E " + m.fields().get('C') : String.valueOf(m.type())).toList();
        }
    }
}
