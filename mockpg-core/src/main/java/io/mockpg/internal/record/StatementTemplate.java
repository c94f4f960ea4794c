package io.mockpg.internal.record;

import io.mockpg.internal.respond.builtin.Builtins;
import io.mockpg.internal.sql.Parameterized;
import io.mockpg.internal.sql.SqlStatement;
import java.util.List;

/**
 * What a statement's text decides about recording it, whatever its bind parameters: whether
 * the built-ins answer it, and if not its rule text ({@link Parameterized#sql()}), the
 * values in its slots (a bound one's text null: it comes from each execution) and the key.
 * Worked out once per prepared statement, since parsing is the costly part of recording one.
 */
record StatementTemplate(boolean builtin, String sql, List<Parameterized.Value> slots, String normalized) {
    static final StatementTemplate BUILTIN = new StatementTemplate(true, null, List.of(), null);

    static StatementTemplate of(String sql, Builtins builtins) {
        SqlStatement statement = SqlStatement.parse(sql.strip());
        if (builtins.answers(statement)) {
            return BUILTIN;
        }
        Parameterized parameterized = Parameterized.of(statement, List.of());
        return new StatementTemplate(false, parameterized.sql(), parameterized.values(),
                SqlStatement.parse(parameterized.sql()).normalized());
    }
}
