package io.mockpg.internal.respond;

import static io.mockpg.internal.respond.EngineFixture.engine;
import static io.mockpg.internal.respond.EngineFixture.errorCode;
import static io.mockpg.internal.respond.EngineFixture.extended;
import static io.mockpg.internal.respond.EngineFixture.session;
import static io.mockpg.internal.respond.EngineFixture.simple;
import static io.mockpg.internal.respond.EngineFixture.tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mockpg.JournalEntry;
import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.EngineSession;
import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.engine.Result;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnmatchedTest {
    private static final String SHOP = """
            rules:
              - id: user-by-id
                match: { sql: "SELECT id, name FROM users WHERE id = $1", params: [42] }
                respond: { columns: [ id: int4, name: text ], rows: [ [42, Alice] ] }
            """;

    @Test
    void errorNamesStatementParametersAndNearMiss() {
        ScriptEngine engine = engine(SHOP);
        Answer answer = extended(session(engine), "SELECT id, name FROM users WHERE id = $1", "7");
        ErrorFields fields = assertInstanceOf(Result.Error.class, answer.result()).fields();
        assertEquals("MP001", fields.code());
        assertEquals("mockpg: no rule matches: SELECT id, name FROM users WHERE id = $1", fields.message());
        assertEquals("parameters: $1=7\n"
                + "closest rule \"user-by-id\" (test.yaml#1): sql matches, params differ: $1 expected 42, got 7",
                fields.detail());
        JournalEntry entry = engine.unmatched().get(0);
        assertNull(entry.ruleId());
        assertEquals(List.of("7"), entry.params());
    }

    @Test
    void verifyNoUnmatchedReportsEachStatement() {
        ScriptEngine engine = engine(SHOP);
        EngineSession session = session(engine);
        engine.verifyNoUnmatched();
        simple(session, "SELECT id, name FROM users WHERE id = 7");
        simple(session, "SELECT id, name FROM users WHERE id = 42");
        AssertionError error = assertThrows(AssertionError.class, engine::verifyNoUnmatched);
        assertEquals("1 statement matched no rule:\n"
                + "1. SELECT id, name FROM users WHERE id = 7  (session " + engine.journal().get(0).sessionId()
                + ", simple)\n"
                + "   closest rule \"user-by-id\" (test.yaml#1): sql matches, params differ: $1 expected 42, got 7",
                error.getMessage());
    }

    @Test
    void emptyModeAnswersRowVerbsWithNoColumnsAndOthersWithTheirTag() {
        ScriptEngine engine = engine("unmatched: empty\n" + SHOP);
        EngineSession session = session(engine);
        Result.Rows rows = assertInstanceOf(Result.Rows.class, simple(session, "SELECT * FROM nowhere").result());
        assertEquals(List.of(), rows.columns());
        assertNull(rows.rows().next());
        assertEquals("SELECT 0", tag(simple(session, "WITH x AS (SELECT 1) SELECT * FROM x")));
        assertEquals("SELECT 0", tag(simple(session, "VALUES (1)")));
        assertEquals("INSERT 0 0", tag(simple(session, "INSERT INTO t VALUES (1)")));
        assertEquals("UPDATE 0", tag(simple(session, "UPDATE t SET a = 1")));
        assertEquals("CREATE TABLE", tag(simple(session, "CREATE TABLE t (a int)")));
        assertEquals(6, engine.unmatched().size());
        AssertionError error = assertThrows(AssertionError.class, engine::verifyNoUnmatched);
        assertEquals("6 statements matched no rule:", error.getMessage().lines().findFirst().orElseThrow());
    }

    @Test
    void builtinsAnswerWhenNoRuleMatchesUnlessTurnedOff() {
        EngineSession withBuiltins = session(engine(SHOP));
        assertEquals("SET", tag(simple(withBuiltins, "SET application_name = 'x'")));
        ScriptEngine engine = engine("builtins: false\n" + SHOP);
        assertEquals("MP001", errorCode(simple(session(engine), "SET application_name = 'x'")));
    }

    @Test
    void rejectedStatementsAreJournalledButNotUnmatched() {
        ScriptEngine engine = engine(SHOP);
        EngineSession session = session(engine);
        session.recordRejected(new io.mockpg.internal.engine.StatementRequest("SELECT 1", List.of(), new int[0], false,
                io.mockpg.internal.session.TransactionStatus.FAILED));
        assertEquals(ScriptEngine.REJECTED, engine.journal().get(0).ruleId());
        assertEquals(List.of(), engine.unmatched());
    }
}
