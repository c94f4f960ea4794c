package io.mockpg.internal.matching;

import io.mockpg.internal.script.Rule;

import java.util.List;
import java.util.regex.Matcher;

/**
 * Finds the rule that answers a statement (docs/script-reference.md, "match" and "Rules"): the
 * first candidate in precedence order that passes {@link RuleCheck}, which then claims the answer
 * (times, respond position) and makes the scenario move atomically with respect to other
 * sessions.
 */
public final class RuleMatcher {
    private final ScenarioStates scenarios;
    private final RuleCheck check;

    public RuleMatcher(RuleCheck check) {
        this.scenarios = check.scenarios();
        this.check = check;
    }

    /** The first rule among the candidates that answers the statement, or null. */
    public MatchedRule firstAnswering(RuleSet rules, MatchContext context) {
        RuleSet.Candidates candidates = rules.candidates(context.statement());
        for (int rank = candidates.nextRank(); rank >= 0; rank = candidates.nextRank()) {
            MatchedRule matched = tryAnswer(rules.rule(rank), rank, context);
            if (matched != null) {
                return matched;
            }
        }
        return null;
    }

    /** Matches one rule (of rank {@code rank}) and claims its answer; null when it does not answer. */
    public MatchedRule tryAnswer(CompiledRule compiled, int rank, MatchContext context) {
        MatchResult result = check.check(compiled, context, RuleCheck.Mode.ANSWER);
        return result.matched() ? claim(compiled, rank, result.params(), result.groups()) : null;
    }

    private MatchedRule claim(CompiledRule compiled, int rank, List<String> params, Matcher groups) {
        Rule rule = compiled.rule();
        long answerIndex = compiled.state().tryClaim(rule.times());
        if (answerIndex < 0) {
            return null;
        }
        MatchedRule.ScenarioMove move = null;
        if (rule.scenario() != null && rule.nextState() != null) {
            if (rule.state() != null) {
                if (!scenarios.move(rule.scenario(), rule.state(), rule.nextState())) {
                    // another session moved the scenario between the check and now
                    compiled.state().unclaim();
                    return null;
                }
                move = new MatchedRule.ScenarioMove(rule.scenario(), rule.state(), rule.nextState());
            } else {
                String previous = scenarios.set(rule.scenario(), rule.nextState());
                move = new MatchedRule.ScenarioMove(rule.scenario(), previous, rule.nextState());
            }
        }
        return new MatchedRule(compiled, rank, params, groups, answerIndex, move);
    }
}
