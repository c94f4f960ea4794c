package io.mockpg.internal.respond;

import static io.mockpg.internal.respond.EngineFixture.autocommit;
import static io.mockpg.internal.respond.EngineFixture.engine;
import static io.mockpg.internal.respond.EngineFixture.rows;
import static io.mockpg.internal.respond.EngineFixture.session;
import static io.mockpg.internal.respond.EngineFixture.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mockpg.internal.engine.EngineSession;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioTest {
    private static final String CART = """
            rules:
              - match: { sql: SELECT state FROM cart }
                scenario: cart
                state: Started
                respond: { columns: [ state: text ], rows: [ [empty] ] }
              - match: { sql: SELECT state FROM cart }
                scenario: cart
                state: Filled
                respond: { columns: [ state: text ], rows: [ [filled] ] }
              - match: { sql: SELECT state FROM cart }
                scenario: cart
                state: Paid
                respond: { columns: [ state: text ], rows: [ [paid] ] }
              - match: { sql: INSERT INTO cart VALUES (1) }
                scenario: cart
                next_state: Filled
              - match: { sql: UPDATE cart SET paid = true }
                scenario: cart
                state: Filled
                next_state: Paid
              - match: { sql: SELECT fail() }
                scenario: cart
                next_state: Failed
                respond: { error: { code: "40001", message: retry } }
            """;

    private static List<List<Object>> state(EngineSession session) {
        return rows(simple(session, "SELECT state FROM cart"));
    }

    @Test
    void moveIsVisibleToEverySessionAtOnce() {
        ScriptEngine engine = engine(CART);
        EngineSession writer = session(engine);
        EngineSession reader = session(engine);
        assertEquals(List.of(List.of("empty")), state(reader));
        simple(writer, "BEGIN");
        simple(writer, "INSERT INTO cart VALUES (1)");
        assertEquals(List.of(List.of("filled")), state(reader));
        simple(writer, "COMMIT");
        assertEquals(List.of(List.of("filled")), state(reader));
    }

    @Test
    void rollbackUndoesTheTransactionsMoves() {
        ScriptEngine engine = engine(CART);
        EngineSession session = session(engine);
        simple(session, "BEGIN");
        simple(session, "INSERT INTO cart VALUES (1)");
        simple(session, "UPDATE cart SET paid = true");
        assertEquals(List.of(List.of("paid")), state(session));
        simple(session, "ROLLBACK");
        assertEquals(List.of(List.of("empty")), state(session));
    }

    @Test
    void rollbackToSavepointUndoesOnlyLaterMoves() {
        ScriptEngine engine = engine(CART);
        EngineSession session = session(engine);
        simple(session, "BEGIN");
        simple(session, "INSERT INTO cart VALUES (1)");
        simple(session, "SAVEPOINT before_pay");
        simple(session, "UPDATE cart SET paid = true");
        assertEquals(List.of(List.of("paid")), state(session));
        simple(session, "ROLLBACK TO SAVEPOINT before_pay");
        assertEquals(List.of(List.of("filled")), state(session));
        simple(session, "COMMIT");
        assertEquals(List.of(List.of("filled")), state(session));
    }

    @Test
    void autocommitMovesStayAndErrorAnswersMoveForGood() {
        ScriptEngine engine = engine(CART);
        EngineSession session = session(engine);
        autocommit(session, "INSERT INTO cart VALUES (1)");
        assertEquals(List.of(List.of("filled")), state(session));
        autocommit(session, "SELECT fail()");
        assertEquals("Failed", engine.scenarios().state("cart"));
    }

    @Test
    void resetPutsScenariosBackAndVoidsOpenUndoLogs() {
        ScriptEngine engine = engine(CART);
        EngineSession session = session(engine);
        simple(session, "BEGIN");
        simple(session, "INSERT INTO cart VALUES (1)");
        engine.reset();
        assertEquals(List.of(List.of("empty")), state(session));
        autocommit(session(engine), "INSERT INTO cart VALUES (1)");
        simple(session, "ROLLBACK");
        // the move made before the reset is not undone over the one made since
        assertEquals(List.of(List.of("filled")), state(session));
    }
}
