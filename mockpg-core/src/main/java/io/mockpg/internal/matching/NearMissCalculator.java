package io.mockpg.internal.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the rules that came closest to matching a statement no rule answered. The rules of
 * the statement's shape bucket and the rules without match.sql are graded in full; among the
 * other match.sql rules a cheap token-bag comparison picks the few worth grading, so that a
 * report costs milliseconds even with 10,000 rules loaded.
 */
public final class NearMissCalculator {
    /** Below this sql similarity a rule is not worth naming. */
    private static final double MIN_SQL_SIMILARITY = 0.5;
    /** How many of the other match.sql rules get a full grading. */
    private static final int PREFILTER = 32;

    private final RuleCheck check;

    public NearMissCalculator(RuleCheck check) {
        this.check = check;
    }

    /** Up to {@code limit} closest rules, best first (ties: higher precedence first). */
    public List<MatchResult> closest(RuleSet rules, MatchContext context, int limit) {
        List<Integer> ranks = shortlist(rules, context);
        List<MatchResult> graded = new ArrayList<>();
        for (int rank : ranks) {
            MatchResult miss = check.check(rules.rule(rank), context, RuleCheck.Mode.GRADE);
            if (miss.sqlMatches() || miss.sqlScore() >= MIN_SQL_SIMILARITY) {
                graded.add(miss);
            }
        }
        // stable sort keeps precedence order among equal scores
        graded.sort(Comparator.comparingDouble(MatchResult::distance));
        return graded.size() > limit ? List.copyOf(graded.subList(0, limit)) : List.copyOf(graded);
    }

    /** The ranks to grade, in precedence order. */
    private static List<Integer> shortlist(RuleSet rules, MatchContext context) {
        String shape = context.statement().shapeKey();
        int[] profile = TokenProfile.of(context.statement().normalized());
        List<Integer> chosen = new ArrayList<>();
        List<double[]> others = new ArrayList<>();
        for (int rank = 0; rank < rules.size(); rank++) {
            CompiledRule rule = rules.rule(rank);
            if (!rule.indexed() || rule.pattern().shapeKey().equals(shape)) {
                chosen.add(rank);
            } else {
                others.add(new double[] {TokenProfile.dice(profile, rule.tokenProfile()), rank});
            }
        }
        if (others.size() > PREFILTER) {
            others.sort(Comparator.comparingDouble((double[] entry) -> entry[0]).reversed());
            others = others.subList(0, PREFILTER);
        }
        for (double[] entry : others) {
            chosen.add((int) entry[1]);
        }
        chosen.sort(null);
        return chosen;
    }
}
