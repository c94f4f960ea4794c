package io.mockpg.internal.matching;

import static io.mockpg.internal.matching.TestRules.regexRule;
import static io.mockpg.internal.matching.TestRules.simple;
import static io.mockpg.internal.matching.TestRules.sqlRule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mockpg.internal.script.Rule;
import io.mockpg.internal.sql.SqlStatement;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSetTest {

    private static List<Integer> candidateRanks(RuleSet rules, String sql) {
        RuleSet.Candidates candidates = rules.candidates(SqlStatement.parse(sql));
        List<Integer> ranks = new ArrayList<>();
        for (int rank = candidates.nextRank(); rank >= 0; rank = candidates.nextRank()) {
            ranks.add(rank);
        }
        return ranks;
    }

    @Test
    void candidatesAreTheShapeBucketAndUnindexedRulesInPrecedenceOrder() {
        RuleSet rules = TestRules.ruleSet(
                sqlRule("a", "SELECT * FROM t WHERE id = $1"),
                regexRule("r", "x"),
                sqlRule("b", "SELECT * FROM u WHERE id = $1"),
                sqlRule("c", "select * from T where ID = 5"),
                new Rule("any", io.mockpg.internal.script.Match.ANY, List.of(io.mockpg.internal.script.Response.empty()), null, null,
                        null, null, "test.yaml", 5));
        assertEquals(List.of(0, 1, 3, 4), candidateRanks(rules, "SELECT * FROM t WHERE id = 9"));
        assertEquals(List.of(1, 4), candidateRanks(rules, "DELETE FROM t"));
    }

    @Test
    void tenThousandRulesLookUpOnlyTheirBucket() {
        List<Rule> list = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            list.add(sqlRule("rule-" + i, "SELECT c" + i + " FROM table_" + i + " WHERE id = $1"));
        }
        list.add(regexRule("fallback", "(?i)^select"));
        RuleSet rules = TestRules.ruleSet(list.toArray(new Rule[0]));
        assertEquals(List.of(7_321, 10_000), candidateRanks(rules, "select c7321 from table_7321 where id = 5"));
        RuleMatcher matcher = new RuleMatcher(new RuleCheck(new ScenarioStates()));
        assertEquals("rule-9999",
                matcher.firstAnswering(rules, simple("SELECT c9999 FROM table_9999 WHERE id = 1")).rule().displayName());
        assertEquals("fallback",
                matcher.firstAnswering(rules, simple("SELECT nothing FROM nowhere")).rule().displayName());
    }
}
