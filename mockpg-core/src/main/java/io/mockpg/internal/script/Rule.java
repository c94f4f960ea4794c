package io.mockpg.internal.script;

import java.util.List;

/**
 * One rule: match + respond + rule-level keys (docs/script-reference.md, "Rules").
 *
 * @param id        the rule's id, or null (reports then name it {@code source#position})
 * @param match     what it matches; {@link Match#ANY} when the script gave no match
 * @param responses one or more responses: successive matches get successive entries, the last repeats
 * @param times     at most this many answers, or null for unlimited
 * @param scenario  scenario name, or null
 * @param state     required scenario state (null = any; "Started" is the initial state)
 * @param nextState state to move to after answering, or null
 * @param source    the script source this rule came from
 * @param position  1-based position of the rule in its source
 */
public record Rule(String id, Match match, List<Response> responses, Integer times, String scenario, String state,
                   String nextState, String source, int position) {
    public Rule {
        responses = List.copyOf(responses);
        if (responses.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one response");
        }
    }

    /** The name used in reports: the id, else {@code source#position}. */
    public String displayName() {
        return id != null ? id : source + "#" + position;
    }
}
