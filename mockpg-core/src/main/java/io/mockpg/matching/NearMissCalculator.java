package io.mockpg.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the rules that came closest to matching a statement no rule answered. Grades every
 * rule (this is the slow, unmatched path) and keeps the best few that are worth showing.
 */
public final class NearMissCalculator {
    /** Below this sql similarity a rule is not worth naming. */
    private static final double MIN_SQL_SIMILARITY = 0.5;

    private final NearMissGrader grader;

    public NearMissCalculator(ScenarioStates scenarios) {
        this.grader = new NearMissGrader(scenarios);
    }

    /** Up to {@code limit} closest rules, best first (ties: higher precedence first). */
    public List<NearMiss> closest(RuleSet rules, MatchContext context, int limit) {
        List<NearMiss> graded = new ArrayList<>();
        for (CompiledRule rule : rules.all()) {
            NearMiss miss = grader.grade(rule, context);
            if (miss.sqlMatches() || miss.sqlScore() >= MIN_SQL_SIMILARITY) {
                graded.add(miss);
            }
        }
        // stable sort keeps precedence order among equal scores
        graded.sort(Comparator.comparingDouble(NearMiss::score).reversed());
        return graded.size() > limit ? List.copyOf(graded.subList(0, limit)) : List.copyOf(graded);
    }

}
