package io.mockpg.internal.matching;

import static io.mockpg.internal.matching.TestRules.extended;
import static io.mockpg.internal.matching.TestRules.number;
import static io.mockpg.internal.matching.TestRules.regexRule;
import static io.mockpg.internal.matching.TestRules.ruleSet;
import static io.mockpg.internal.matching.TestRules.simple;
import static io.mockpg.internal.matching.TestRules.sqlRule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mockpg.internal.script.ParamMatcher;
import io.mockpg.internal.script.Rule;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RuleMatcherTest {
    private final ScenarioStates scenarios = new ScenarioStates();
    private final RuleMatcher matcher = new RuleMatcher(new RuleCheck(scenarios));

    private String answering(RuleSet rules, MatchContext context) {
        MatchedRule matched = matcher.firstAnswering(rules, context);
        return matched == null ? null : matched.rule().displayName();
    }

    @Test
    void firstRuleInPrecedenceOrderAnswers() {
        RuleSet rules = ruleSet(sqlRule("first", "SELECT * FROM users WHERE id = $1"),
                regexRule("catch-users", "(?i)from users"),
                sqlRule("second", "SELECT * FROM users WHERE id = $1"));
        assertEquals("first", answering(rules, simple("select * from users where id = 1")));
        assertEquals("catch-users", answering(rules, simple("SELECT name FROM users")));
    }

    @Test
    void regexRuleAheadOfSqlRuleWins() {
        RuleSet rules = ruleSet(regexRule("regex", "users"), sqlRule("sql", "SELECT * FROM users WHERE id = $1"));
        assertEquals("regex", answering(rules, simple("SELECT * FROM users WHERE id = 1")));
    }

    @Test
    void numberParamMatchesNumericallyInBothProtocols() {
        RuleSet rules = ruleSet(sqlRule("forty-two", "SELECT * FROM users WHERE id = $1", number("42")));
        assertEquals("forty-two", answering(rules, simple("SELECT * FROM users WHERE id = 42")));
        assertEquals("forty-two", answering(rules, simple("SELECT * FROM users WHERE id = ('42'::int4)")));
        assertEquals("forty-two", answering(rules, extended("SELECT * FROM users WHERE id = $1", "42.0")));
        assertNull(answering(rules, extended("SELECT * FROM users WHERE id = $1", "7")));
        assertNull(answering(rules, extended("SELECT * FROM users WHERE id = $1", "abc")));
    }

    @Test
    void stringBooleanNullRegexAndAnyParams() {
        RuleSet rules = ruleSet(sqlRule("all", "SELECT f($1, $2, $3, $4, $5)",
                new ParamMatcher.Equals("7"), new ParamMatcher.BooleanEquals(true), new ParamMatcher.IsNull(),
                new ParamMatcher.Regex(Pattern.compile("^a.c$")), new ParamMatcher.Any()));
        assertEquals("all", answering(rules, extended("SELECT f($1, $2, $3, $4, $5)", "7", "t", null, "abc", "x")));
        assertEquals("all", answering(rules, simple("SELECT f(7, true, NULL, 'abc', 'anything')")));
        assertNull(answering(rules, extended("SELECT f($1, $2, $3, $4, $5)", "7.0", "t", null, "abc", "x")));
        assertNull(answering(rules, extended("SELECT f($1, $2, $3, $4, $5)", "7", "f", null, "abc", "x")));
        assertNull(answering(rules, extended("SELECT f($1, $2, $3, $4, $5)", "7", "t", "", "abc", "x")));
        assertNull(answering(rules, extended("SELECT f($1, $2, $3, $4, $5)", "7", "t", null, "abcd", "x")));
    }

    @Test
    void literalInRuleMatchesBoundPlaceholder() {
        RuleSet rules = ruleSet(sqlRule("limit", "SELECT * FROM t LIMIT 10"));
        assertEquals("limit", answering(rules, extended("SELECT * FROM t LIMIT $1", "10")));
        assertNull(answering(rules, extended("SELECT * FROM t LIMIT $1", "11")));
    }

    @Test
    void capturedParamsAreTheRulesPlaceholders() {
        RuleSet rules = ruleSet(sqlRule("by-id", "SELECT * FROM users WHERE id = $1"));
        MatchedRule matched = matcher.firstAnswering(rules, simple("SELECT * FROM users WHERE id = ('7'::int4)"));
        assertEquals(List.of("7"), matched.params());
    }

    @Test
    void regexRuleFindsInTextAsReceivedAndKeepsGroups() {
        RuleSet rules = ruleSet(regexRule("r", "FROM (?<table>\\w+)\\s+WHERE"));
        MatchedRule matched = matcher.firstAnswering(rules, simple("SELECT * FROM orders   WHERE 1 = 1"));
        assertEquals("orders", matched.groups().group("table"));
        assertEquals(java.util.Set.of("table"), matched.rule().groupNames());
        assertNull(matcher.firstAnswering(rules, simple("select * from orders where 1 = 1")));
    }

    @Test
    void userAndDatabaseMustBeEqual() {
        RuleSet rules = ruleSet(TestRules.withUser(sqlRule("admin-only", "SELECT 1"), "admin", null),
                TestRules.withUser(sqlRule("shop-db", "SELECT 1"), null, "shop"));
        assertEquals("shop-db", answering(rules, simple("SELECT 1")));
        MatchContext admin = new MatchContext(io.mockpg.internal.sql.SqlStatement.parse("SELECT 1"), List.of(), false,
                "admin", "other");
        assertEquals("admin-only", answering(rules, admin));
    }

    @Test
    void timesLimitsAnswersThenRuleIsPassedOver() {
        RuleSet rules = ruleSet(TestRules.withTimes(sqlRule("once", "SELECT 1"), 1), sqlRule("always", "SELECT 1"));
        assertEquals("once", answering(rules, simple("SELECT 1")));
        assertEquals("always", answering(rules, simple("SELECT 1")));
        assertEquals("always", answering(rules, simple("SELECT 1")));
        assertEquals(1, rules.rule(0).state().answered());
        assertEquals(2, rules.rule(1).state().answered());
    }

    @Test
    void scenarioRuleAppliesInItsStateAndMovesIt() {
        Rule pay = TestRules.withScenario(sqlRule("pay", "UPDATE orders SET paid = true"), "order", "Started",
                "Paid");
        Rule paidAgain = TestRules.withScenario(sqlRule("already-paid", "UPDATE orders SET paid = true"), "order",
                "Paid", null);
        RuleSet rules = ruleSet(pay, paidAgain);
        MatchedRule first = matcher.firstAnswering(rules, simple("UPDATE orders SET paid = true"));
        assertEquals("pay", first.rule().displayName());
        assertEquals(new MatchedRule.ScenarioMove("order", "Started", "Paid"), first.scenarioMove());
        assertEquals("Paid", scenarios.state("order"));
        assertEquals("already-paid", answering(rules, simple("UPDATE orders SET paid = true")));
        assertEquals("Paid", scenarios.state("order"));
    }

    @Test
    void respondPositionFollowsAnswerIndex() {
        RuleSet rules = ruleSet(sqlRule("r", "SELECT 1"));
        assertEquals(0, matcher.firstAnswering(rules, simple("SELECT 1")).answerIndex());
        assertEquals(1, matcher.firstAnswering(rules, simple("SELECT 1")).answerIndex());
        assertEquals(2, matcher.firstAnswering(rules, simple("SELECT 1")).answerIndex());
    }
}
