package io.mockpg.internal.record;

import java.util.List;

/**
 * What a recorded rule's match is written with besides its key: the rule's text, its
 * {@code params} and the parameter types the server reported. Worked out only when the
 * {@link Recording} needs them (a new entry, or one still without types), not for each of the
 * thousands of executions that repeat an entry.
 */
record RuleTerms(StatementTemplate template, List<String> texts, int[] paramOids, boolean described) {
    String sql() {
        return template.sql();
    }

    List<Object> params() {
        return RuleParameters.values(template.slots(), texts, paramOids);
    }

    /** The types by name when the server reported them and a script can name them all, else null. */
    List<String> paramTypes() {
        return described ? RuleParameters.reportedTypes(template.slots(), paramOids) : null;
    }
}
