package io.mockpg.internal.respond;

import io.mockpg.internal.script.Script;
import io.mockpg.internal.script.yaml.ScriptLoader;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rule at the end of an unmatched statement's report loads and answers that statement. */
class FixItRuleTest {
    @Test
    void yamlRuleHasTheParametersFilledInAndLoads() {
        String yaml = FixItRule.yaml("SELECT name FROM users WHERE id = $1 AND email = $2 AND note = $3",
                Arrays.asList("42", "a\"b@example.com", null));
        assertEquals("""
                add this rule to answer it (edit the answer):
                - match:
                    sql: "SELECT name FROM users WHERE id = $1 AND email = $2 AND note = $3"
                    params: [42, "a\\"b@example.com", null]
                  respond:
                    columns:
                      - "result": "text"
                    rows:
                      - ["edit me"]""", yaml);
        Script script = ScriptLoader.parse("fix-it", "rules:\n" + yaml.substring(yaml.indexOf('\n') + 1).indent(2));
        assertEquals(1, script.rules().size());
    }

    @Test
    void aCommandGetsOneAffectedRowAndTheJavaStubSaysTheSame() {
        assertEquals("""
                add this rule to answer it (edit the answer):
                - match:
                    sql: "UPDATE orders SET status = $1 WHERE id = $2"
                    params: ["shipped", 3000000000]
                  respond:
                    affected: 1""", FixItRule.yaml("UPDATE orders SET status = $1 WHERE id = $2",
                List.of("shipped", "3000000000")));
        assertEquals("""
                server.stub(statement("UPDATE orders SET status = $1 WHERE id = $2").withParams("shipped", 3000000000L, \
                new java.math.BigDecimal("1.50"), null)
                        .willReturn(affected(1)));""", FixItRule.java("UPDATE orders SET status = $1 WHERE id = $2",
                Arrays.asList("shipped", "3000000000", "1.50", null)));
        assertEquals("""
                server.stub(statement("SELECT 1 FROM t")
                        .willReturn(rows(column("result", "text")).row("edit me")));""", FixItRule.java("SELECT 1 FROM t",
                List.of()));
    }

    @Test
    void aHugeStatementGetsNoFixIt() {
        assertEquals("", FixItRule.yaml("SELECT '" + "x".repeat(5000) + "'", List.of()));
    }
}
