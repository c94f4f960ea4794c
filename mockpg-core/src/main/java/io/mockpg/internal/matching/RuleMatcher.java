package io.mockpg.internal.matching;

import io.mockpg.internal.script.ParamMatcher;
import io.mockpg.internal.script.Rule;

import java.util.List;
import java.util.regex.Matcher;

/**
 * Decides whether one rule answers a statement (docs/script-reference.md, "match" and "Rules"). The fast path
 * ({@link #tryAnswer}) checks the cheap conditions first and, on success, claims the answer
 * (times, respond position) and makes the scenario move atomically with respect to other
 * sessions. {@link NearMissGrader} gives the graded view of the same checks.
 */
public final class RuleMatcher {
    private final ScenarioStates scenarios;

    public RuleMatcher(ScenarioStates scenarios) {
        this.scenarios = scenarios;
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
        Rule rule = compiled.rule();
        if (!compiled.fitsSession(context.user(), context.database())) {
            return null;
        }
        if (rule.scenario() != null && rule.state() != null
                && !rule.state().equals(scenarios.state(rule.scenario()))) {
            return null;
        }
        if (!compiled.state().available(rule.times())) {
            return null;
        }
        List<String> params;
        Matcher groups = null;
        if (compiled.pattern() != null) {
            params = compiled.pattern().match(context.statement(), context.boundParams());
            if (params == null) {
                return null;
            }
        } else {
            if (compiled.regex() != null) {
                groups = compiled.regex().matcher(context.text());
                if (!groups.find()) {
                    return null;
                }
            }
            params = context.boundParams();
        }
        if (!paramsMatch(compiled.params(), params)) {
            return null;
        }
        return claim(compiled, rank, params, groups);
    }

    /** Whether every given matcher accepts its parameter; parameters beyond the matchers are free. */
    public static boolean paramsMatch(List<ParamMatcher> matchers, List<String> params) {
        if (matchers.size() > params.size()) {
            return false;
        }
        for (int i = 0; i < matchers.size(); i++) {
            if (!matchers.get(i).matches(params.get(i))) {
                return false;
            }
        }
        return true;
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
