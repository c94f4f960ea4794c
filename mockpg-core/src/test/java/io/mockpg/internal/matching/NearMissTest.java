package io.mockpg.internal.matching;

import static io.mockpg.internal.matching.TestRules.extended;
import static io.mockpg.internal.matching.TestRules.number;
import static io.mockpg.internal.matching.TestRules.ruleSet;
import static io.mockpg.internal.matching.TestRules.simple;
import static io.mockpg.internal.matching.TestRules.sqlRule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mockpg.internal.script.Rule;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearMissTest {
    private final ScenarioStates scenarios = new ScenarioStates();
    private final NearMissCalculator calculator = new NearMissCalculator(new RuleCheck(scenarios));

    @Test
    void paramsDifferenceIsNamedWithRuleAndSource() {
        RuleSet rules = ruleSet(sqlRule("user-by-id", "SELECT id, name FROM users WHERE id = $1", number("42")),
                sqlRule("unrelated", "DELETE FROM sessions"));
        MatchContext context = extended("SELECT id, name FROM users WHERE id = $1", "7");
        List<MatchResult> misses = calculator.closest(rules, context, 3);
        assertEquals(1, misses.size());
        String report = NearMissReport.format(context.boundParams(), misses, rules.size());
        assertEquals("parameters: $1=7\n"
                + "closest rule \"user-by-id\" (test.yaml#1): sql matches, params differ: $1 expected 42, got 7",
                report);
    }

    @Test
    void closestRulesComeFirstAtMostThree() {
        RuleSet rules = ruleSet(
                sqlRule("far", "SELECT id FROM orders WHERE customer = $1 AND status = 'open' ORDER BY id"),
                sqlRule("near", "SELECT id, name FROM users WHERE email = $1"),
                sqlRule("exact-sql", "SELECT id, name FROM users WHERE id = $1", number("1")),
                sqlRule("nearer", "SELECT id, name FROM users WHERE id = $1 LIMIT 1"),
                sqlRule("near2", "SELECT id, email FROM users WHERE id = $1"));
        MatchContext context = simple("SELECT id, name FROM users WHERE id = 5");
        List<MatchResult> misses = calculator.closest(rules, context, 3);
        assertEquals(3, misses.size());
        assertEquals("exact-sql", misses.get(0).rule().displayName());
        assertTrue(misses.get(0).sqlMatches());
        assertTrue(misses.get(1).distance() <= misses.get(2).distance());
        String report = NearMissReport.format(List.of(), misses, rules.size());
        assertTrue(report.startsWith("closest rule \"exact-sql\" (test.yaml#1): sql matches, params differ: "
                + "$1 expected 1, got 5\nnext closest rule "), report);
        assertTrue(report.contains("sql differs (similarity 0."), report);
    }

    @Test
    void scenarioUserAndTimesDifferencesAreReported() {
        Rule rule = TestRules.withTimes(TestRules.withScenario(TestRules.withUser(
                sqlRule("guarded", "SELECT 1"), "admin", null), "flow", "Done", null), 1);
        RuleSet rules = ruleSet(rule);
        rules.rule(0).state().tryClaim(1);
        List<MatchResult> misses = calculator.closest(rules, simple("SELECT 1"), 3);
        assertEquals(List.of("user differs: expected admin, got app",
                "scenario \"flow\" is in state \"Started\", rule needs \"Done\"",
                "times exhausted (answered 1 of 1)"), misses.get(0).differences());
    }

    @Test
    void nothingCloseSaysSo() {
        RuleSet rules = ruleSet(sqlRule("x", "INSERT INTO audit (a, b, c) VALUES ($1, $2, $3)"));
        MatchContext context = extended("SELECT now()", "1", null);
        String report = NearMissReport.format(context.boundParams(), calculator.closest(rules, context, 3),
                rules.size());
        assertEquals("parameters: $1=1, $2=NULL\nno rule is close (1 rule loaded)", report);
        assertEquals("no rules are loaded", NearMissReport.format(List.of(), List.of(), 0));
    }

    @Test
    void amongTenThousandRulesTheClosestIsFoundOutsideTheShapeBucket() {
        Rule[] many = new Rule[10_000];
        for (int i = 0; i < many.length; i++) {
            many[i] = sqlRule("rule-" + i, "SELECT id, name FROM table_" + i + " WHERE id = $1 ORDER BY name");
        }
        RuleSet rules = ruleSet(many);
        MatchContext context = simple("SELECT id, nmae FROM table_5000 WHERE id = 3 ORDER BY name");
        List<MatchResult> misses = calculator.closest(rules, context, 3);
        assertEquals("rule-5000", misses.get(0).rule().displayName());
        assertTrue(misses.get(0).differences().get(0).startsWith("sql differs (similarity 0.9"),
                misses.get(0).differences().get(0));
    }
}
