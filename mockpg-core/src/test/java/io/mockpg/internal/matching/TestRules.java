package io.mockpg.internal.matching;

import io.mockpg.internal.script.Match;
import io.mockpg.internal.script.ParamMatcher;
import io.mockpg.internal.script.Response;
import io.mockpg.internal.script.Rule;
import io.mockpg.internal.sql.SqlStatement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Rules built in code for matching tests. */
final class TestRules {
    private TestRules() {
    }

    static Rule sqlRule(String id, String sql, ParamMatcher... params) {
        Match match = new Match(sql, null, params.length == 0 ? null : List.of(params), null, null, null);
        return new Rule(id, match, List.of(Response.empty()), null, null, null, null, "test.yaml", 1);
    }

    static Rule regexRule(String id, String regex) {
        Match match = new Match(null, Pattern.compile(regex), null, null, null, null);
        return new Rule(id, match, List.of(Response.empty()), null, null, null, null, "test.yaml", 1);
    }

    static Rule withTimes(Rule rule, int times) {
        return new Rule(rule.id(), rule.match(), rule.responses(), times, rule.scenario(), rule.state(),
                rule.nextState(), rule.source(), rule.position());
    }

    static Rule withScenario(Rule rule, String scenario, String state, String next) {
        return new Rule(rule.id(), rule.match(), rule.responses(), rule.times(), scenario, state, next,
                rule.source(), rule.position());
    }

    static Rule withUser(Rule rule, String user, String database) {
        Match m = rule.match();
        return new Rule(rule.id(), new Match(m.sql(), m.regex(), m.params(), m.paramTypes(), user, database),
                rule.responses(), rule.times(), rule.scenario(), rule.state(), rule.nextState(), rule.source(),
                rule.position());
    }

    static ParamMatcher number(String value) {
        return new ParamMatcher.NumberEquals(new BigDecimal(value));
    }

    static RuleSet ruleSet(Rule... rules) {
        List<CompiledRule> compiled = new ArrayList<>();
        for (Rule rule : rules) {
            compiled.add(new CompiledRule(rule, new RuleState()));
        }
        return new RuleSet(compiled);
    }

    static MatchContext simple(String sql) {
        return new MatchContext(SqlStatement.parse(sql), List.of(), false, "app", "shop");
    }

    static MatchContext extended(String sql, String... params) {
        return new MatchContext(SqlStatement.parse(sql), java.util.Arrays.asList(params), true, "app", "shop");
    }
}
