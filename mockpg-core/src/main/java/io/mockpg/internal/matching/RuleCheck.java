package io.mockpg.internal.matching;

import io.mockpg.internal.matching.MatchResult.Criterion;
import io.mockpg.internal.script.Match;
import io.mockpg.internal.script.ParamMatcher;
import io.mockpg.internal.script.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * The one check of a rule against a statement (docs/script-reference.md, `match`), shared by
 * matching, near-miss reports and Describe. The criteria are checked cheapest first: the
 * session's user and database, the scenario's state, times, then sql/regex/any and params.
 * Answering stops at the first criterion that fails and allocates nothing for it; grading goes
 * on and scores every criterion, the sql 60 %, the params 20 %, the others together 20 %.
 */
public final class RuleCheck {
    private static final double SQL_WEIGHT = 0.6;
    private static final double PARAMS_WEIGHT = 0.2;
    private static final double OTHER_WEIGHT = 0.2;

    /** How much of a rule a check looks at, and whether it grades. */
    public enum Mode {
        /** Every criterion, yes or no: the rule answers the statement now. */
        ANSWER,
        /** Every criterion, graded, with what differs: near-miss reports. */
        GRADE,
        /**
         * Session and sql only, the parameters not bound yet (Describe): params, times and the
         * scenario are ignored; a rule whose sql has the statement's shape but a literal where
         * the statement has a placeholder is a partial match.
         */
        DESCRIBE
    }

    private final ScenarioStates scenarios;

    public RuleCheck(ScenarioStates scenarios) {
        this.scenarios = scenarios;
    }

    /** The scenario states the check reads (and a match moves). */
    ScenarioStates scenarios() {
        return scenarios;
    }

    /**
     * Checks one rule. {@code context.boundParams()} are the bind parameters; for
     * {@link Mode#DESCRIBE} one null (unknown) per placeholder of the statement.
     */
    public MatchResult check(CompiledRule compiled, MatchContext context, Mode mode) {
        boolean graded = mode == Mode.GRADE;
        MatchResult.Differences differences = graded ? new MatchResult.Differences() : null;
        Rule rule = compiled.rule();
        Match match = compiled.match();
        int otherChecks = 0;
        int otherOk = 0;
        if (match.user() != null) {
            otherChecks++;
            if (match.user().equals(context.user())) {
                otherOk++;
            } else if (!graded) {
                return MatchResult.NO_MATCH;
            } else {
                differences.add(Criterion.USER, "user differs: expected " + match.user() + ", got " + context.user());
            }
        }
        if (match.database() != null) {
            otherChecks++;
            if (match.database().equals(context.database())) {
                otherOk++;
            } else if (!graded) {
                return MatchResult.NO_MATCH;
            } else {
                differences.add(Criterion.DATABASE, "database differs: expected " + match.database() + ", got "
                        + context.database());
            }
        }
        if (mode != Mode.DESCRIBE && rule.scenario() != null && rule.state() != null) {
            otherChecks++;
            String current = scenarios.state(rule.scenario());
            if (rule.state().equals(current)) {
                otherOk++;
            } else if (!graded) {
                return MatchResult.NO_MATCH;
            } else {
                differences.add(Criterion.SCENARIO, "scenario \"" + rule.scenario() + "\" is in state \"" + current
                        + "\", rule needs \"" + rule.state() + "\"");
            }
        }
        if (mode != Mode.DESCRIBE && rule.times() != null) {
            otherChecks++;
            if (compiled.state().available(rule.times())) {
                otherOk++;
            } else if (!graded) {
                return MatchResult.NO_MATCH;
            } else {
                differences.add(Criterion.TIMES, "times exhausted (answered " + compiled.state().answered() + " of "
                        + rule.times() + ")");
            }
        }

        List<String> params;
        Matcher groups = null;
        boolean sqlMatches = true;
        double sqlScore = 1.0;
        if (compiled.pattern() != null) {
            params = compiled.pattern().match(context.statement(), context.boundParams());
            if (params == null) {
                if (mode == Mode.DESCRIBE) {
                    return sameShapeAsPlaceholders(compiled, context) ? MatchResult.sameShape(compiled)
                            : MatchResult.NO_MATCH;
                }
                if (!graded) {
                    return MatchResult.NO_MATCH;
                }
                sqlMatches = false;
                sqlScore = compiled.pattern().similarity(context.statement(), context.boundParams());
                differences.add(Criterion.SQL, String.format(Locale.ROOT, "sql differs (similarity %.2f): rule has %s",
                        sqlScore, compiled.pattern().normalized()));
                params = context.extended() ? context.boundParams() : null;
            }
        } else {
            if (compiled.regex() != null) {
                groups = compiled.regex().matcher(context.text());
                if (!groups.find()) {
                    if (!graded) {
                        return MatchResult.NO_MATCH;
                    }
                    groups = null;
                    sqlMatches = false;
                    sqlScore = 0.0;
                    differences.add(Criterion.SQL, "regex not found: " + compiled.regex().pattern());
                }
            }
            params = context.boundParams();
        }
        if (mode == Mode.DESCRIBE) {
            return MatchResult.match(compiled, params, groups);
        }

        List<ParamMatcher> matchers = compiled.params();
        if (!graded) {
            return params == null || paramsMatch(matchers, params) ? MatchResult.match(compiled, params, groups)
                    : MatchResult.NO_MATCH;
        }
        int paramsOk = matchers.size();
        List<String> wrong = null;
        for (int i = params == null ? -1 : firstMismatch(matchers, params, 0); i >= 0;
             i = firstMismatch(matchers, params, i + 1)) {
            ParamMatcher matcher = matchers.get(i);
            paramsOk--;
            if (wrong == null) {
                wrong = new ArrayList<>();
            }
            wrong.add("$" + (i + 1) + " expected " + ParamText.expected(matcher) + ", got "
                    + (i < params.size() ? ParamText.actual(matcher, params.get(i)) : "no parameter"));
        }
        if (wrong != null) {
            differences.add(Criterion.PARAMS, "params differ: " + String.join("; ", wrong));
        }
        double paramsScore = params == null ? 0.0 : matchers.isEmpty() ? 1.0 : (double) paramsOk / matchers.size();
        double otherScore = otherChecks == 0 ? 1.0 : (double) otherOk / otherChecks;
        double score = SQL_WEIGHT * sqlScore + PARAMS_WEIGHT * paramsScore + OTHER_WEIGHT * otherScore;
        return MatchResult.graded(compiled, score, sqlMatches, sqlScore, params, differences.inReportOrder());
    }

    /**
     * Whether every given matcher accepts its parameter ($1 the first); parameters beyond the
     * matchers are free. The params check of rules and of journal queries (docs/junit5.md).
     */
    public static boolean paramsMatch(List<ParamMatcher> matchers, List<String> params) {
        return firstMismatch(matchers, params, 0) < 0;
    }

    /** The index of the first matcher from {@code from} on that its parameter (or its absence) fails, or -1. */
    private static int firstMismatch(List<ParamMatcher> matchers, List<String> params, int from) {
        for (int i = from; i < matchers.size(); i++) {
            if (i >= params.size() || !matchers.get(i).matches(params.get(i))) {
                return i;
            }
        }
        return -1;
    }

    // the statement has placeholders whose values are unknown yet: a rule of its shape with a
    // literal there may still match once they are bound
    private static boolean sameShapeAsPlaceholders(CompiledRule compiled, MatchContext context) {
        return context.statement().maxPlaceholder() > 0
                && compiled.pattern().shapeKey().equals(context.statement().shapeKey());
    }
}
