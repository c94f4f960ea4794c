package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.ResultColumn;
import io.mockpg.internal.engine.StatementRequest;

import java.util.List;
import java.util.Map;

/**
 * A recognized built-in statement: what it returns (for Describe) and how to answer it.
 *
 * @param columns    result columns, or null when the statement returns no rows (NoData)
 * @param paramTypes natural type OID of each placeholder by number; unlisted ones are text
 * @param execution  produces the answer and applies its effect on the session
 */
record BuiltinPlan(List<ResultColumn> columns, Map<Integer, Integer> paramTypes, Execution execution) {
    @FunctionalInterface
    interface Execution {
        Answer run(StatementRequest request, BuiltinSession session);
    }

    static BuiltinPlan command(Execution execution) {
        return new BuiltinPlan(null, Map.of(), execution);
    }

    static BuiltinPlan tag(String tag) {
        return command((request, session) -> Answers.command(tag));
    }

    Answer run(StatementRequest request, BuiltinSession session) {
        try {
            return execution.run(request, session);
        } catch (BuiltinError error) {
            return Answer.of(new io.mockpg.internal.engine.Result.Error(error.fields()));
        }
    }
}
