package io.mockpg.dsl;

import io.mockpg.Fault;
import io.mockpg.MockPgServer;
import io.mockpg.RuleSummary;
import io.mockpg.Stub;
import io.mockpg.e2e.PgClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static io.mockpg.MockPgDsl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stub that cannot be a valid rule is refused at {@code stub(...)} with a message saying what
 * to change, and nothing of it stays in the server: its rules and answers are as before.
 */
class StubValidationTest {
    private static MockPgServer server;

    @BeforeAll
    static void start() {
        server = MockPgServer.builder().stub(statement("SELECT 1 AS kept").willReturn(rows(column("kept", "int4")).row(7)))
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String refused(Stub stub) throws SQLException {
        List<RuleSummary> before = server.rules();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> server.stub(stub));
        assertEquals(before, server.rules(), "nothing half-added");
        try (Connection c = PgClients.connect(server, PgClients.Mode.EXTENDED); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 AS kept")) {
            assertTrue(rs.next());
            assertEquals(7, rs.getInt(1), "the server answers as before");
        }
        return e.getMessage();
    }

    @Test
    void aValueThatDoesNotFitItsColumnIsNamedWithTheColumn() throws SQLException {
        assertEquals("stub statement(\"SELECT id FROM t\"): row 2: value \"abc\" (String) does not fit column 'id' of"
                        + " type uuid: invalid input syntax for type uuid: \"abc\"",
                refused(statement("SELECT id FROM t").willReturn(rows(column("id", "uuid")).row(UUID.randomUUID())
                        .row("abc"))));
        assertEquals("stub statement(\"SELECT n FROM t\"): row 1: value 99999 (Integer) does not fit column 'n' of type"
                        + " int2: value \"99999\" is out of range for type smallint",
                refused(statement("SELECT n FROM t").willReturn(rows(column("n", "int2")).row(99999))));
        assertTrue(refused(statement("SELECT n FROM t").willReturn(rows(column("n", "int4")).row(new Object())))
                .contains("a java.lang.Object is not a value mockpg can send"));
    }

    @Test
    void aRowOfTheWrongLengthSaysSo() throws SQLException {
        assertEquals("stub statement(\"SELECT a, b FROM t\"): row 1 has 1 value but 2 columns are declared: give one"
                        + " value per column",
                refused(statement("SELECT a, b FROM t").willReturn(rows(column("a", "int4"), column("b", "text")).row(1))));
    }

    @Test
    void anErrorNeedsASqlstate() throws SQLException {
        assertEquals("stub statement(\"DELETE FROM t\"): error code null is not a SQLSTATE: give 5 characters 0-9 or A-Z,"
                        + " e.g. error(\"23505\", message)",
                refused(statement("DELETE FROM t").willReturn(error(null, "boom"))));
        assertTrue(refused(statement("DELETE FROM t").willReturn(error("2350", "boom"))).contains("'2350' is not a SQLSTATE"));
    }

    @Test
    void misusedMethodsSayWhereTheyBelong() throws SQLException {
        assertEquals("stub statement(\"SELECT 2\"): answer 2: detail(...) does not fit a rows(...) answer: error fields"
                        + " belong to error(code, message); rows to rows(column(...), ...)",
                refused(statement("SELECT 2").willReturn(affected(1))
                        .thenReturn(rows(column("a", "int4")).detail("x"))));
        assertTrue(refused(statement("SELECT 2").willReturn(error("40001", "x").row(1)))
                .contains("row(...) does not fit an error(...) answer"));
        assertTrue(refused(statement("SELECT 2").willFault(Fault.CLOSED_MID_RESULT))
                .contains("closeAfterRows(1)"));
    }

    @Test
    void scenarioStatesNeedAScenarioAndTypesMustExist() throws SQLException {
        assertTrue(refused(statement("SELECT 3").whenState("Started").willReturn(affected(0)))
                .endsWith("whenState/willSetStateTo need inScenario(name) first"));
        assertTrue(refused(statement("SELECT 3").willReturn(rows(column("a", "integerr")))).contains(
                "unknown type 'integerr' of column 'a'"));
        assertTrue(refused(regex("(unclosed").willReturn(affected(0))).contains("invalid regex"));
        assertTrue(refused(statement("SELECT 3").committed().willReturn(affected(0)))
                .contains("narrow a verification, not a stub"));
    }

    @Test
    void invalidSqlIsRefusedAsTheLoaderRefusesIt() throws SQLException {
        String message = refused(statement("SELECT 'unterminated").willReturn(affected(0)));
        assertTrue(message.startsWith("stub statement(\"SELECT 'unterminated\")") || message.contains("unterminated"), message);
    }
}
