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
 * @param parseErrors whether a rule may answer with an error PostgreSQL raises at Parse (else Parse looks no rule up)
 * @param bindErrors  whether a rule may answer with an error PostgreSQL raises at Bind (else Bind looks no rule up)
 */
record EngineSnapshot(RuleSet rules, List<PreparedRule> prepared, UnmatchedMode unmatched, boolean builtins,
                      boolean parseErrors, boolean bindErrors) {

    /** @param precedence the prepared rules, first answering first */
    static EngineSnapshot of(List<PreparedRule> precedence, UnmatchedMode unmatched, boolean builtins) {
        List<CompiledRule> compiled = new ArrayList<>(precedence.size());
        boolean parseErrors = false;
        boolean bindErrors = false;
        for (PreparedRule rule : precedence) {
            compiled.add(rule.compiled());
            parseErrors |= rule.responses().stream().anyMatch(CompiledResponse::mayFailAtParse);
            bindErrors |= rule.responses().stream().anyMatch(CompiledResponse::failsAtBind);
        }
        return new EngineSnapshot(new RuleSet(compiled), List.copyOf(precedence), unmatched, builtins, parseErrors,
                bindErrors);
    }

    PreparedRule rule(int rank) {
        return prepared.get(rank);
    }
}
