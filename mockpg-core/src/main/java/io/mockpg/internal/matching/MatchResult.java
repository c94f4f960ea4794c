package io.mockpg.internal.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * What {@link RuleCheck} found about one rule and one statement: whether the rule matches and
 * how far it is from matching (0 = it matches, 1 = nothing alike). A match carries the
 * parameters as the rule sees them and the regex groups; a graded result also carries its sql
 * similarity and, in report wording, what differs (e.g. "params differ: $1 expected 42, got 7").
 */
public final class MatchResult {
    /** The fast path's answer for every rule that does not match: shared, nothing allocated. */
    static final MatchResult NO_MATCH = new MatchResult(null, false, 1.0, false, 0.0, null, null, List.of());

    private final CompiledRule rule;
    private final boolean matched;
    private final double distance;
    private final boolean sqlMatches;
    private final double sqlScore;
    private final List<String> params;
    private final Matcher groups;
    private final List<String> differences;

    private MatchResult(CompiledRule rule, boolean matched, double distance, boolean sqlMatches, double sqlScore,
                        List<String> params, Matcher groups, List<String> differences) {
        this.rule = rule;
        this.matched = matched;
        this.distance = distance;
        this.sqlMatches = sqlMatches;
        this.sqlScore = sqlScore;
        this.params = params;
        this.groups = groups;
        this.differences = differences;
    }

    /** Every criterion holds. */
    static MatchResult match(CompiledRule rule, List<String> params, Matcher groups) {
        return new MatchResult(rule, true, 0.0, true, 1.0, params, groups, List.of());
    }

    /**
     * Describe's partial match: the rule's sql has the statement's shape but compares a literal
     * where the statement has a placeholder whose value is not bound yet.
     */
    static MatchResult sameShape(CompiledRule rule) {
        return new MatchResult(rule, false, 0.5, false, 0.5, null, null, List.of());
    }

    /** A graded result: {@code score} in [0,1], differences in report order. */
    static MatchResult graded(CompiledRule rule, double score, boolean sqlMatches, double sqlScore,
                              List<String> params, List<String> differences) {
        return new MatchResult(rule, differences.isEmpty(), 1.0 - score, sqlMatches, sqlScore,
                params, null, List.copyOf(differences));
    }

    /** The rule checked (null only for the shared {@link #NO_MATCH}). */
    public CompiledRule rule() {
        return rule;
    }

    /** Whether every checked criterion holds. */
    public boolean matched() {
        return matched;
    }

    /** How far the rule is from matching, in [0,1]: 0 when it matches. */
    public double distance() {
        return distance;
    }

    /** Whether the sql/regex part matched the statement. */
    public boolean sqlMatches() {
        return sqlMatches;
    }

    /** 1 when the sql/regex part matched, else the sql similarity (0 for a regex). */
    public double sqlScore() {
        return sqlScore;
    }

    /**
     * The statement's parameters as the rule sees them: for a match.sql rule the values its
     * placeholders captured ($1 first), else the bind parameters; null when unknown.
     */
    public List<String> params() {
        return params;
    }

    /** The match.regex matcher after a successful find (named groups), or null. */
    public Matcher groups() {
        return groups;
    }

    /** What differs, in report wording; empty for a match. */
    public List<String> differences() {
        return differences;
    }

    /** The differences of a graded check, kept per criterion and listed in report order. */
    static final class Differences {
        private final String[] byCriterion = new String[Criterion.values().length];

        void add(Criterion criterion, String text) {
            byCriterion[criterion.ordinal()] = text;
        }

        List<String> inReportOrder() {
            List<String> list = new ArrayList<>();
            for (String text : byCriterion) {
                if (text != null) {
                    list.add(text);
                }
            }
            return list;
        }
    }

    /** The criteria of a rule, in the order a report names their differences. */
    enum Criterion { SQL, PARAMS, USER, DATABASE, SCENARIO, TIMES }
}
