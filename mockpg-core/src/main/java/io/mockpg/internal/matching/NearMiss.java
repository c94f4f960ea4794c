package io.mockpg.internal.matching;

import java.util.List;

/**
 * A graded match of one rule against a statement that no rule answered.
 *
 * @param rule        the rule
 * @param score       closeness in [0,1]; 1 would have matched
 * @param sqlMatches  whether its sql/regex part matched the statement
 * @param sqlScore    1 when the sql/regex part matched, else the sql similarity (0 for a regex)
 * @param differences what differs, in report wording (e.g. "params differ: $1 expected 42, got 7")
 */
public record NearMiss(CompiledRule rule, double score, boolean sqlMatches, double sqlScore,
                       List<String> differences) {
    public NearMiss {
        differences = List.copyOf(differences);
    }
}
