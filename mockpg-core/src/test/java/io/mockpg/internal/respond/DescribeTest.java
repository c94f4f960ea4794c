package io.mockpg.internal.respond;

import static io.mockpg.internal.respond.EngineFixture.engine;
import static io.mockpg.internal.respond.EngineFixture.session;
import static io.mockpg.internal.respond.EngineFixture.simple;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mockpg.internal.engine.Description;
import io.mockpg.internal.engine.EngineSession;
import io.mockpg.internal.engine.ResultColumn;

import java.util.List;
import org.junit.jupiter.api.Test;

class DescribeTest {
    private static final String RULES = """
            rules:
              - match:
                  sql: "SELECT id, name FROM users WHERE id = $1 AND big = $2 AND price = $3 AND ok = $4 AND s = $5 AND n = $6"
                  params: [42, 3000000000, 1.5, true, abc, null]
                respond: { columns: [ id: int4, name: text ] }
              - match: { sql: "UPDATE users SET name = $1 WHERE id = $2", param_types: [ varchar, int8 ] }
                respond: { affected: 1 }
              - match: { regex: "^SELECT count" }
                respond:
                  - { columns: [ total: int8 ] }
                  - { columns: [ total: numeric ] }
              - match: { sql: "SELECT * FROM t LIMIT 10" }
                respond: { columns: [ a: bool ] }
            """;

    private static List<String> columns(Description description) {
        return description.columns().stream().map(c -> c.name() + ":" + c.type().name()).toList();
    }

    @Test
    void paramTypesInferredFromParamsValues() {
        EngineSession session = session(engine(RULES));
        Description description = session.describe("SELECT id, name FROM users WHERE id = $1 AND big = $2 AND "
                + "price = $3 AND ok = $4 AND s = $5 AND n = $6", new int[0]);
        assertArrayEquals(new int[] {23, 20, 1700, 16, 25, 25}, description.paramOids());
        assertEquals(List.of("id:int4", "name:text"), columns(description));
    }

    @Test
    void clientOidsThenParamTypes() {
        EngineSession session = session(engine(RULES));
        Description description = session.describe("UPDATE users SET name = $1 WHERE id = $2", new int[] {25, 0});
        assertArrayEquals(new int[] {25, 20}, description.paramOids());
        assertNull(description.columns());
    }

    @Test
    void columnsFollowTheRulesCurrentResponse() {
        ScriptEngine engine = engine(RULES);
        EngineSession session = session(engine);
        assertEquals(List.of("total:int8"), columns(session.describe("SELECT count(*) FROM x", new int[0])));
        simple(session, "SELECT count(*) FROM x");
        assertEquals(List.of("total:numeric"), columns(session.describe("SELECT count(*) FROM x", new int[0])));
    }

    @Test
    void placeholderWhereRuleHasLiteralStillFindsTheRule() {
        EngineSession session = session(engine(RULES));
        Description description = session.describe("SELECT * FROM t LIMIT $1", new int[0]);
        assertArrayEquals(new int[] {25}, description.paramOids());
        assertEquals(List.of("a:bool"), columns(description));
    }

    @Test
    void withoutRuleBuiltinsThenTextAndNoData() {
        EngineSession session = session(engine(RULES));
        Description builtin = session.describe("SELECT 1", new int[0]);
        assertEquals(1, builtin.columns().size());
        Description unknown = session.describe("SELECT * FROM nothing WHERE a = $1 AND b = $2", new int[] {0, 23});
        assertArrayEquals(new int[] {25, 23}, unknown.paramOids());
        assertNull(unknown.columns());
        List<ResultColumn> none = session.describe("DELETE FROM nothing", new int[0]).columns();
        assertNull(none);
    }
}
