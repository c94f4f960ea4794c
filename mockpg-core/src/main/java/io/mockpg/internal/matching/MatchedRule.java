package io.mockpg.internal.matching;

import java.util.List;
import java.util.regex.Matcher;

/**
 * A rule that matched and claimed an answer.
 *
 * @param rule          the rule
 * @param rank          its rank in the rule set (0 = first in precedence)
 * @param params        the statement's parameters as the rule sees them: for a match.sql rule
 *                      the values its placeholders captured ($1 first), else the bind parameters
 * @param groups        the match.regex matcher after a successful find (named groups), or null
 * @param answerIndex   0-based number of this answer of the rule since the last reset
 * @param scenarioMove  the move made by this answer, or null
 */
public record MatchedRule(CompiledRule rule, int rank, List<String> params, Matcher groups, long answerIndex,
                          ScenarioMove scenarioMove) {

    /** A scenario move, kept so that a rollback can undo it. */
    public record ScenarioMove(String scenario, String previousState, String newState) {
    }
}
