package io.mockpg.internal.respond;

import io.mockpg.internal.matching.CompiledRule;
import io.mockpg.internal.matching.RuleSet;
import io.mockpg.internal.script.UnmatchedMode;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules in force, immutable: replaced as a whole (hot reload, added scripts, reset) so
 * that sessions on other threads always see one consistent set.
 *
 * @param rules     the rule set, in precedence order
 * @param prepared  the prepared rules by rank
 * @param unmatched what an unmatched statement gets
 * @param builtins  whether built-in answers are on
 */
record EngineSnapshot(RuleSet rules, List<PreparedRule> prepared, UnmatchedMode unmatched, boolean builtins) {

    /** @param precedence the prepared rules, first answering first */
    static EngineSnapshot of(List<PreparedRule> precedence, UnmatchedMode unmatched, boolean builtins) {
        List<CompiledRule> compiled = new ArrayList<>(precedence.size());
        for (PreparedRule rule : precedence) {
            compiled.add(rule.compiled());
        }
        return new EngineSnapshot(new RuleSet(compiled), List.copyOf(precedence), unmatched, builtins);
    }

    PreparedRule rule(int rank) {
        return prepared.get(rank);
    }
}
