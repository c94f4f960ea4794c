package io.mockpg.internal.matching;

import io.mockpg.internal.script.Match;
import io.mockpg.internal.script.ParamMatcher;
import io.mockpg.internal.script.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The graded view of {@link RuleMatcher}'s checks: instead of yes/no, how close a rule came
 * and what differs (WireMock-style near misses). Only used on the unmatched path.
 */
public final class NearMissGrader {
    private static final double SQL_WEIGHT = 0.6;
    private static final double PARAMS_WEIGHT = 0.2;
    private static final double OTHER_WEIGHT = 0.2;

    private final ScenarioStates scenarios;

    public NearMissGrader(ScenarioStates scenarios) {
        this.scenarios = scenarios;
    }

    /** Grades one rule against a statement. */
    public NearMiss grade(CompiledRule compiled, MatchContext context) {
        List<String> differences = new ArrayList<>();
        double sqlScore;
        boolean sqlMatched = true;
        List<String> params;
        if (compiled.pattern() != null) {
            List<String> captured = compiled.pattern().match(context.statement(), context.boundParams());
            if (captured != null) {
                sqlScore = 1.0;
                params = captured;
            } else {
                sqlMatched = false;
                sqlScore = compiled.pattern().similarity(context.statement(), context.boundParams());
                differences.add(String.format(Locale.ROOT, "sql differs (similarity %.2f): rule has %s", sqlScore,
                        compiled.pattern().normalized()));
                params = context.extended() ? context.boundParams() : null;
            }
        } else if (compiled.regex() != null) {
            sqlMatched = compiled.regex().matcher(context.text()).find();
            sqlScore = sqlMatched ? 1.0 : 0.0;
            if (!sqlMatched) {
                differences.add("regex not found: " + compiled.regex().pattern());
            }
            params = context.boundParams();
        } else {
            sqlScore = 1.0;
            params = context.boundParams();
        }
        double paramsScore = params == null ? 0.0 : gradeParams(compiled.params(), params, differences);
        double otherScore = gradeOthers(compiled, context, differences);
        double score = SQL_WEIGHT * sqlScore + PARAMS_WEIGHT * paramsScore + OTHER_WEIGHT * otherScore;
        return new NearMiss(compiled, score, sqlMatched, sqlScore, differences);
    }

    private static double gradeParams(List<ParamMatcher> matchers, List<String> params, List<String> differences) {
        if (matchers.isEmpty()) {
            return 1.0;
        }
        List<String> wrong = new ArrayList<>();
        int ok = 0;
        for (int i = 0; i < matchers.size(); i++) {
            ParamMatcher matcher = matchers.get(i);
            if (i >= params.size()) {
                wrong.add("$" + (i + 1) + " expected " + ParamText.expected(matcher) + ", got no parameter");
            } else if (matcher.matches(params.get(i))) {
                ok++;
            } else {
                wrong.add("$" + (i + 1) + " expected " + ParamText.expected(matcher) + ", got "
                        + ParamText.actual(matcher, params.get(i)));
            }
        }
        if (!wrong.isEmpty()) {
            differences.add("params differ: " + String.join("; ", wrong));
        }
        return (double) ok / matchers.size();
    }

    private double gradeOthers(CompiledRule compiled, MatchContext context, List<String> differences) {
        Rule rule = compiled.rule();
        Match match = rule.match() == null ? Match.ANY : rule.match();
        int checks = 0;
        int ok = 0;
        if (match.user() != null) {
            checks++;
            if (match.user().equals(context.user())) {
                ok++;
            } else {
                differences.add("user differs: expected " + match.user() + ", got " + context.user());
            }
        }
        if (match.database() != null) {
            checks++;
            if (match.database().equals(context.database())) {
                ok++;
            } else {
                differences.add("database differs: expected " + match.database() + ", got " + context.database());
            }
        }
        if (rule.scenario() != null && rule.state() != null) {
            checks++;
            String current = scenarios.state(rule.scenario());
            if (rule.state().equals(current)) {
                ok++;
            } else {
                differences.add("scenario \"" + rule.scenario() + "\" is in state \"" + current
                        + "\", rule needs \"" + rule.state() + "\"");
            }
        }
        if (rule.times() != null) {
            checks++;
            if (compiled.state().available(rule.times())) {
                ok++;
            } else {
                differences.add("times exhausted (answered " + compiled.state().answered() + " of " + rule.times()
                        + ")");
            }
        }
        return checks == 0 ? 1.0 : (double) ok / checks;
    }
}
