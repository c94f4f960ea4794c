package io.mockpg.internal.respond;

import io.mockpg.internal.matching.CompiledRule;
import io.mockpg.internal.matching.RuleState;
import io.mockpg.internal.script.Response;
import io.mockpg.internal.script.Rule;

import java.util.List;

/** A rule ready to match and to answer: its compiled match and its compiled responses. */
record PreparedRule(CompiledRule compiled, List<CompiledResponse> responses) {

    /** @throws IllegalArgumentException when the rule's SQL or a column type is invalid */
    static PreparedRule of(Rule rule, RuleState state) {
        CompiledRule compiled;
        try {
            compiled = new CompiledRule(rule, state);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rule \"" + rule.displayName() + "\": " + e.getMessage(), e);
        }
        List<CompiledResponse> responses = rule.responses().stream()
                .map((Response response) -> new CompiledResponse(rule.displayName(), response))
                .toList();
        return new PreparedRule(compiled, responses);
    }

    /** The response for the answer with this 0-based number: successive ones, the last repeating. */
    CompiledResponse response(long answerIndex) {
        return responses.get((int) Math.min(answerIndex, responses.size() - 1));
    }

    /** The response the next answer would use. */
    CompiledResponse currentResponse() {
        return response(compiled.state().answered());
    }
}
